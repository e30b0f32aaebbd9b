package org.certgraph.impact;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.certgraph.graph.Graph;
import org.certgraph.impact.Results.Blocker;
import org.certgraph.impact.Results.DependencyChange;
import org.certgraph.impact.Results.Impact;
import org.certgraph.impact.Results.PhoneCount;
import org.certgraph.impact.Results.Plan;
import org.certgraph.impact.Results.PlanStep;
import org.certgraph.impact.Results.Readiness;
import org.certgraph.impact.Results.Summary;
import org.certgraph.impact.Verdicts.Dependency;
import org.certgraph.impact.Verdicts.Status;

/**
 * The impact questions: what a change set breaks, how a plan fares step by step, what stands
 * between the estate and a target PKI, and an order of changes that moves to it without an
 * outage. Every answer is computed on an in-memory copy of the graph; the stored graph is never
 * changed, so questions are safe while other queries and imports run.
 */
public final class ImpactEngine {

    private final SnapshotLoader loader;
    private final Evaluator evaluator = new Evaluator();
    private final Changes changes;

    public ImpactEngine(Graph graph) {
        this.loader = new SnapshotLoader(graph);
        this.changes = new Changes(loader);
    }

    /** Every dependency and its verdict at {@code at} (null for now). */
    public List<Dependency> dependencies(Instant at) {
        return baseline(loader.load(when(at)));
    }

    /** What the changes, applied together, do to every dependency. */
    public Impact impact(List<Change> changeSet, Instant at) {
        Snapshot before = loader.load(when(at));
        Snapshot after = before.copy();
        List<Change> applied = new ArrayList<>();
        for (Change change : changeSet) {
            Change c = changes.normalise(change, after);
            changes.apply(c, after);
            applied.add(c);
        }
        return diff(applied, before, update(applied, before, after, baseline(before)));
    }

    /** The steps applied in order; each step's verdicts include every step before it. */
    public Plan plan(List<Change> steps, Instant at) {
        return plan(loader.load(when(at)), steps, List.of());
    }

    private Plan plan(Snapshot base, List<Change> steps, List<Blocker> blockers) {
        Snapshot current = base;
        List<Dependency> currentVerdicts = baseline(base);
        List<PlanStep> result = new ArrayList<>();
        Status worst = worst(currentVerdicts);
        int number = 0;
        for (Change step : steps) {
            Snapshot next = current.copy();
            Change c = changes.normalise(step, next);
            List<Change> backout = changes.backout(c, current);
            changes.apply(c, next);
            Comparison compared = update(List.of(c), current, next, currentVerdicts);
            Impact impact = diff(List.of(c), current, compared);
            List<Dependency> verdicts = compared.after();
            Status stepWorst = worst(verdicts);
            if (stepWorst.worseThan(worst)) {
                worst = stepWorst;
            }
            result.add(new PlanStep(++number, c.toInput(), c.describe(),
                    backout.stream().map(Change::toInput).toList(), impact, counts(verdicts),
                    stepWorst));
            current = next;
            currentVerdicts = verdicts;
        }
        return new Plan(base.at.toString(), result, worst, blockers);
    }

    /** Every blocker to serving all dependencies from the target PKI. */
    public Readiness readiness(String target, Instant by) {
        Snapshot s = loader.load(when(null));
        TargetPki pki = TargetPki.resolve(target, s);
        Instant deadline = by != null ? by : s.at.plus(Duration.ofDays(365));
        List<Blocker> blockers = new Readying(s, pki, evaluator).blockers(deadline);
        return new Readiness(target, List.copyOf(pki.certificates()), blockers);
    }

    /**
     * An order of changes that moves every server use to a certificate of the target PKI that
     * is already in the server's store: firmware and trust first, little-used pools first, each
     * pool's servers one at a time, old trust removed last where nothing needs it any more. The
     * plan carries its own simulation; blockers say what prevents a harmless order.
     */
    public Plan migrationPlan(String target) {
        Snapshot s = loader.load(when(null));
        TargetPki pki = TargetPki.resolve(target, s);
        Readying readying = new Readying(s, pki, evaluator);
        List<Change> steps = new ArrayList<>();
        List<Blocker> blockers = new ArrayList<>();
        readying.migrationSteps(steps, blockers);
        Plan plan = plan(s, steps, blockers);
        List<Blocker> all = new ArrayList<>(blockers);
        for (PlanStep step : plan.steps()) {
            if (!step.impact().summary().harmless()) {
                all.add(new Blocker("HARMFUL_STEP", step.description(), "step " + step.number()
                        + " makes " + step.impact().summary().broken() + " dependencies fail and "
                        + step.impact().summary().degraded() + " degrade",
                        step.impact().summary().phonesAffected(), List.of()));
            }
        }
        return new Plan(plan.at(), plan.steps(), plan.worst(), all);
    }

    /**
     * The verdicts of {@code after}, a copy of {@code before} with {@code applied} made to it,
     * updated from {@code was}, the verdicts of {@code before}. Dependencies that a note about
     * a removal looks at count as affected too, so that the notes see all of them.
     */
    private Comparison update(List<Change> applied, Snapshot before, Snapshot after,
                              List<Dependency> was) {
        BitSet affected = Affected.between(before, after, Notes.removedCertificates(applied,
                before), Notes.listsRemovedFrom(applied));
        List<Dependency> now = evaluator.update(after, was, affected);
        return Comparison.of(after, was, now, affected);
    }

    private Impact diff(List<Change> applied, Snapshot before, Comparison compared) {
        List<DependencyChange> changed = new ArrayList<>();
        compared.forEach((b, d) -> {
            if (b != null && (b.status() != d.status() || !b.reasons().equals(d.reasons()))) {
                changed.add(new DependencyChange(b, d));
            }
        });
        int broken = 0;
        int degraded = 0;
        int recovered = 0;
        int unknown = 0;
        Map<String, Dependency> phonesHit = new LinkedHashMap<>();
        for (DependencyChange c : changed) {
            Status a = c.after().status();
            if (c.better()) {
                recovered++;
            } else if (a.worseThan(c.before().status())) {
                switch (a) {
                    case OUTAGE -> broken++;
                    case DEGRADED -> degraded++;
                    case UNKNOWN -> unknown++;
                    default -> { }
                }
            }
            if (c.worse() && c.before().kind().equals("PHONE")) {
                phonesHit.putIfAbsent(c.before().party(), c.before());
            }
        }
        Map<List<String>, Long> counts = new TreeMap<>((x, y) -> String.join("|", x)
                .compareTo(String.join("|", y)));
        long phones = 0;
        for (Dependency d : phonesHit.values()) {
            counts.merge(java.util.Arrays.asList(d.model(), d.firmware(), d.pool()), d.count(),
                    Long::sum);
            phones += d.count();
        }
        List<PhoneCount> byModel = new ArrayList<>();
        counts.forEach((k, n) -> byModel.add(new PhoneCount(k.get(0), k.get(1), k.get(2), n)));
        return new Impact(applied.stream().map(Change::toInput).toList(), before.at.toString(),
                changed, byModel, new Summary(broken, degraded, recovered, unknown, phones),
                Notes.of(applied, before, compared));
    }

    /**
     * The verdicts of the graph as it is, at the snapshot's time: every question needs them
     * and they do not depend on the question, so they are kept until the graph or the time
     * changes. A new time only changes the verdicts that involve a certificate whose validity
     * starts or ends in between, so only those are evaluated again.
     */
    private List<Dependency> baseline(Snapshot unchanged) {
        Baseline current = baseline;
        if (current != null && current.origin() == unchanged.origin
                && current.at().equals(unchanged.at)) {
            return current.verdicts();
        }
        List<Dependency> verdicts;
        if (current != null && current.origin() == unchanged.origin) {
            Snapshot then = unchanged.copy();
            then.at = current.at();
            verdicts = evaluator.update(unchanged, current.verdicts(),
                    Affected.between(then, unchanged, Set.of(), Set.of()));
        } else {
            verdicts = evaluator.evaluate(unchanged);
        }
        baseline = new Baseline(unchanged.origin, unchanged.at, verdicts);
        return verdicts;
    }

    private record Baseline(Snapshot origin, Instant at, List<Dependency> verdicts) {
    }

    private volatile Baseline baseline;

    private static Status worst(List<Dependency> verdicts) {
        Status worst = Status.OK;
        for (Dependency d : verdicts) {
            if (d.status().worseThan(worst)) {
                worst = d.status();
            }
        }
        return worst;
    }

    private static Map<Status, Integer> counts(List<Dependency> verdicts) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        verdicts.forEach(d -> counts.merge(d.status(), 1, Integer::sum));
        return counts;
    }

    /** The evaluation time: the one asked for, or now to the minute. */
    private static Instant when(Instant at) {
        return at != null ? at : Instant.now().truncatedTo(ChronoUnit.MINUTES);
    }

    /** The target PKI: its root(s) and every CA certificate that chains to them. */
    record TargetPki(Set<String> roots, Set<String> cas, Set<String> certificates) {

        static TargetPki resolve(String target, Snapshot s) {
            Set<String> roots = new LinkedHashSet<>();
            String sha1 = null;
            try {
                sha1 = org.certgraph.cert.Thumbprints.normalise(target);
            } catch (IllegalArgumentException notAThumbprint) {
                // an authority name
            }
            if (sha1 != null && s.certs.containsKey(sha1)) {
                roots.addAll(topsOf(s, sha1));
            } else {
                for (Snapshot.Cert c : s.certs.values()) {
                    if (c.authorities().contains(target)
                            || c.isCA() && commonName(c.subject()).equalsIgnoreCase(target)) {
                        roots.addAll(topsOf(s, c.sha1()));
                    }
                }
            }
            if (roots.isEmpty()) {
                throw new IllegalArgumentException("The target " + target + " is neither the "
                        + "thumbprint of a certificate in the graph, nor the name of an "
                        + "authority, nor the common name of a CA certificate; the query "
                        + "authorities { name } lists the authorities.");
            }
            Set<String> cas = new LinkedHashSet<>(roots);
            Set<String> all = new LinkedHashSet<>(roots);
            for (Snapshot.Cert c : s.certs.values()) {
                if (chainsTo(s, c.sha1(), roots, new LinkedHashSet<>())) {
                    all.add(c.sha1());
                    if (c.isCA()) {
                        cas.add(c.sha1());
                    }
                }
            }
            return new TargetPki(roots, cas, all);
        }

        private static String commonName(String subject) {
            if (subject == null) {
                return "";
            }
            for (String part : subject.split(",")) {
                String p = part.strip();
                if (p.regionMatches(true, 0, "CN=", 0, 3)) {
                    return p.substring(3);
                }
            }
            return "";
        }

        static boolean chainsTo(Snapshot s, String sha1, Set<String> roots, Set<String> seen) {
            if (roots.contains(sha1)) {
                return true;
            }
            Snapshot.Cert c = s.certs.get(sha1);
            if (c == null || !seen.add(sha1)) {
                return false;
            }
            for (String issuer : c.issuers()) {
                if (!s.removed.contains(issuer) && chainsTo(s, issuer, roots, seen)) {
                    return true;
                }
            }
            return false;
        }

        private static Set<String> topsOf(Snapshot s, String sha1) {
            Set<String> tops = new LinkedHashSet<>();
            collectTops(s, sha1, tops, new LinkedHashSet<>());
            return tops;
        }

        private static void collectTops(Snapshot s, String sha1, Set<String> tops,
                                        Set<String> seen) {
            Snapshot.Cert c = s.certs.get(sha1);
            if (c == null || !seen.add(sha1)) {
                return;
            }
            if (c.selfSigned() || c.issuers().isEmpty()) {
                tops.add(sha1);
                return;
            }
            c.issuers().forEach(i -> collectTops(s, i, tops, seen));
        }
    }
}
