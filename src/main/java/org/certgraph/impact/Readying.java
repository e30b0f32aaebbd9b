package org.certgraph.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.certgraph.impact.Change.AddTrust;
import org.certgraph.impact.Change.AssignCertificate;
import org.certgraph.impact.Change.RemoveTrust;
import org.certgraph.impact.Change.UpgradeFirmware;
import org.certgraph.impact.ImpactEngine.TargetPki;
import org.certgraph.impact.Results.Blocker;
import org.certgraph.impact.Snapshot.Capability;
import org.certgraph.impact.Snapshot.Cert;
import org.certgraph.impact.Snapshot.Party;
import org.certgraph.impact.Verdicts.Dependency;
import org.certgraph.sources.phones.FirmwareVersion;

/**
 * Works out what stands between the estate and a target PKI (readiness), and the order of
 * changes that moves the estate there (the migration plan).
 */
final class Readying {

    private final Snapshot s;
    private final TargetPki pki;
    private final Evaluator evaluator;
    private final Set<String> targetHashes = new TreeSet<>();
    /** The stores of each server, in the order of the snapshot's trust lists. */
    private final Map<String, List<Snapshot.TrustList>> stores = new HashMap<>();

    Readying(Snapshot s, TargetPki pki, Evaluator evaluator) {
        this.s = s;
        this.pki = pki;
        this.evaluator = evaluator;
        for (Snapshot.TrustList list : s.trustLists.values()) {
            if (list.server() != null) {
                stores.computeIfAbsent(list.server(), k -> new ArrayList<>()).add(list);
            }
        }
        for (String sha1 : pki.certificates()) {
            Cert c = s.certs.get(sha1);
            if (c != null && !c.selfSigned() && c.signatureHash() != null) {
                targetHashes.add(c.signatureHash());
            }
        }
    }

    List<Blocker> blockers(Instant deadline) {
        List<Blocker> blockers = new ArrayList<>();
        blockers.addAll(firmware());
        blockers.addAll(trust());
        blockers.addAll(serverUses());
        blockers.addAll(templates());
        blockers.addAll(expiring(deadline));
        return blockers;
    }

    void migrationSteps(List<Change> steps, List<Blocker> blockers) {
        for (Blocker b : firmware()) {
            addResolution(b, steps, blockers);
        }
        for (Blocker b : trust()) {
            addResolution(b, steps, blockers);
        }
        for (Blocker b : serverUsesInPoolOrder()) {
            addResolution(b, steps, blockers);
        }
        steps.addAll(harmlessTrustRemovals(steps));
    }

    private static void addResolution(Blocker b, List<Change> steps, List<Blocker> blockers) {
        if (b.resolution().isEmpty()) {
            blockers.add(b);
        } else {
            b.resolution().forEach(r -> steps.add(ChangeInputs.parse(r)));
        }
    }

    private List<Blocker> firmware() {
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        Map<List<String>, Capability> capabilities = new HashMap<>();
        for (Party p : s.parties) {
            if (!p.kind().equals("PHONE")) {
                continue;
            }
            Set<String> hashes = p.capability().signatureHashes();
            if (hashes != null && hashes.containsAll(targetHashes)) {
                continue;
            }
            List<String> key = List.of(String.valueOf(p.model()), String.valueOf(p.version()));
            counts.merge(key, p.count(), Long::sum);
            capabilities.put(key, p.capability());
        }
        List<Blocker> blockers = new ArrayList<>();
        counts.forEach((key, phones) -> {
            String model = key.get(0);
            String version = key.get(1);
            Capability cap = capabilities.get(key);
            String upgrade = firstCapableVersion(model);
            String detail = (cap.signatureHashes() == null
                    ? "what this firmware can verify is unknown (" + cap.source() + ")"
                    : "this firmware cannot verify " + missing(cap.signatureHashes()))
                    + (upgrade == null ? "; no firmware of this model in the graph is known to "
                    + "verify " + targetHashes + ": approve one with a device update rule, or "
                    + "state the capability in the knowledge file" : "");
            List<Map<String, Object>> resolution = upgrade == null ? List.of()
                    : List.of(new UpgradeFirmware(model, upgrade, version).toInput());
            blockers.add(new Blocker("FIRMWARE", model + " " + version, detail, phones,
                    resolution));
        });
        return blockers;
    }

    private String missing(Set<String> hashes) {
        Set<String> missing = new TreeSet<>(targetHashes);
        missing.removeAll(hashes);
        return String.join(", ", missing);
    }

    private String firstCapableVersion(String model) {
        return s.firmware.entrySet().stream()
                .filter(e -> e.getKey().startsWith(model + "|"))
                .filter(e -> e.getValue().signatureHashes() != null
                        && e.getValue().signatureHashes().containsAll(targetHashes))
                .map(e -> e.getKey().substring(model.length() + 1))
                .filter(FirmwareVersion::isValid)
                .min(Comparator.comparing(FirmwareVersion::parse))
                .orElse(null);
    }

    private List<Blocker> trust() {
        Map<String, Long> phonesByList = new LinkedHashMap<>();
        for (Party p : s.parties) {
            for (String list : s.trustListsOf(p)) {
                phonesByList.merge(list, p.kind().equals("PHONE") ? p.count() : 0, Long::sum);
            }
        }
        List<Blocker> blockers = new ArrayList<>();
        phonesByList.forEach((id, phones) -> {
            Snapshot.TrustList list = s.trustLists.get(id);
            if (list == null) {
                return;
            }
            boolean web = "webservice".equals(list.kind());
            List<Map<String, Object>> resolution = new ArrayList<>();
            for (String root : pki.roots()) {
                String store = list.entries().get(root);
                if (!list.entries().containsKey(root)
                        || store != null && !Snapshot.ANCHOR_STORES.contains(store)) {
                    resolution.add(new AddTrust(id, root, web ? "TrustedRootCA" : "Root")
                            .toInput());
                }
            }
            if (web && !resolution.isEmpty()) {
                for (String ca : pki.cas()) {
                    if (!pki.roots().contains(ca) && !list.entries().containsKey(ca)) {
                        resolution.add(new AddTrust(id, ca, "IntermediateCA").toInput());
                    }
                }
            }
            if (!resolution.isEmpty()) {
                blockers.add(new Blocker("TRUST", id, "trust list " + id + " does not hold the "
                        + "target root " + String.join(", ", subjects(pki.roots())), phones,
                        resolution));
            }
        });
        return blockers;
    }

    private List<Blocker> serverUses() {
        List<Blocker> blockers = new ArrayList<>();
        for (String server : new TreeSet<>(s.assignments.keySet())) {
            for (String use : new TreeSet<>(s.assignments.get(server).keySet())) {
                Blocker b = serverUse(server, use);
                if (b != null) {
                    blockers.add(b);
                }
            }
        }
        return blockers;
    }

    private Blocker serverUse(String server, String use) {
        String current = s.presented(server, use);
        if (current != null && pki.certificates().contains(current)) {
            return null;
        }
        String candidate = candidate(server, current);
        Cert now = current == null ? null : s.certs.get(current);
        String detail = server + " presents " + (now == null ? "nothing"
                : now.subject() + " (" + current + ")") + " for " + use
                + ", which is not of the target PKI"
                + (candidate == null ? "; no certificate of the target PKI with the same names "
                + "is in its stores: issue one and import the server's My store" : "");
        return new Blocker("SERVER_USE", server + " " + use, detail, 0, candidate == null
                ? List.of() : List.of(new AssignCertificate(server, use, candidate).toInput()));
    }

    private List<Blocker> serverUsesInPoolOrder() {
        Map<String, String> poolOf = new HashMap<>();
        s.services.values().forEach(v -> v.servers().forEach(x -> {
            if (v.pool() != null) {
                poolOf.putIfAbsent(x, v.pool());
            }
        }));
        Map<String, Long> phones = new HashMap<>();
        s.parties.stream().filter(p -> p.kind().equals("PHONE") && p.pool() != null)
                .forEach(p -> phones.merge(p.pool(), p.count(), Long::sum));
        Comparator<Blocker> order = Comparator
                .comparingLong((Blocker b) -> {
                    String pool = poolOf.get(b.subject().split(" ")[0]);
                    return pool == null ? -1 : phones.getOrDefault(pool, 0L);
                })
                .thenComparing(b -> String.valueOf(poolOf.get(b.subject().split(" ")[0])))
                .thenComparing(Blocker::subject);
        List<Blocker> uses = new ArrayList<>(serverUses());
        uses.sort(order);
        return uses;
    }

    private String candidate(String server, String current) {
        Cert now = current == null ? null : s.certs.get(current);
        Set<String> names = now == null ? Set.of() : new TreeSet<>(now.dnsNames());
        String best = null;
        Instant bestEnd = null;
        for (Snapshot.TrustList list : stores.getOrDefault(server, List.of())) {
            for (String sha1 : list.entries().keySet()) {
                Cert c = s.certs.get(sha1);
                if (c == null || c.isCA() || !pki.certificates().contains(sha1)
                        || c.notAfter() == null || c.notAfter().isBefore(s.at)
                        || !c.dnsNames().containsAll(names)) {
                    continue;
                }
                if (bestEnd == null || c.notAfter().isAfter(bestEnd)) {
                    best = sha1;
                    bestEnd = c.notAfter();
                }
            }
        }
        return best;
    }

    private List<Blocker> templates() {
        Set<String> authorities = new LinkedHashSet<>();
        pki.cas().forEach(sha1 -> {
            Cert c = s.certs.get(sha1);
            if (c != null) {
                authorities.addAll(c.authorities());
            }
        });
        Set<String> published = new TreeSet<>();
        authorities.forEach(a -> published.addAll(s.published.getOrDefault(a, List.of())));
        if (authorities.isEmpty() || published.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> users = new TreeMap<>();
        s.assignments.forEach((server, uses) -> uses.forEach((use, sha1) -> {
            Cert c = s.certs.get(sha1);
            if (c != null && !pki.certificates().contains(sha1)) {
                for (String t : c.templates()) {
                    if (!published.contains(t)) {
                        users.computeIfAbsent(t, k -> new TreeSet<>()).add(server + " " + use);
                    }
                }
            }
        }));
        List<Blocker> blockers = new ArrayList<>();
        users.forEach((t, uses) -> blockers.add(new Blocker("TEMPLATE", t, "template " + t
                + " is used by " + String.join(", ", uses) + " but not published by "
                + String.join(", ", authorities) + "; publish it there (certutil -SetCATemplates "
                + "+" + t + ")", 0, List.of())));
        return blockers;
    }

    private List<Blocker> expiring(Instant deadline) {
        List<Blocker> blockers = new ArrayList<>();
        Set<String> relevant = new LinkedHashSet<>(pki.cas());
        s.assignments.keySet().forEach(server -> {
            String c = candidate(server, null);
            if (c != null) {
                relevant.add(c);
            }
        });
        for (String sha1 : relevant) {
            Cert c = s.certs.get(sha1);
            if (c != null && c.notAfter() != null && c.notAfter().isBefore(deadline)) {
                blockers.add(new Blocker("EXPIRING", c.subject() + " (" + sha1 + ")",
                        "expires " + c.notAfter() + ", before " + deadline, 0, List.of()));
            }
        }
        return blockers;
    }

    private List<Change> harmlessTrustRemovals(List<Change> steps) {
        Changes changes = new Changes(null);
        Snapshot state = s.copy();
        for (Change step : steps) {
            changes.apply(step, state);
        }
        List<Dependency> verdicts = evaluator.evaluate(state);
        Set<String> lists = new LinkedHashSet<>();
        s.parties.forEach(p -> lists.addAll(s.trustListsOf(p)));
        List<Change> removals = new ArrayList<>();
        for (String id : lists) {
            Snapshot.TrustList list = state.trustLists.get(id);
            if (list == null || !"webservice".equals(list.kind())) {
                continue;
            }
            for (String sha1 : List.copyOf(list.entries().keySet())) {
                if (pki.certificates().contains(sha1)) {
                    continue;
                }
                Snapshot trial = state.copy();
                Change removal = new RemoveTrust(id, sha1);
                changes.apply(removal, trial);
                BitSet affected = Affected.between(state, trial, Set.of(), Set.of());
                List<Dependency> after = evaluator.update(trial, verdicts, affected);
                if (noWorse(Comparison.of(trial, verdicts, after, affected))) {
                    removals.add(removal);
                    state = trial;
                    verdicts = after;
                }
            }
        }
        return removals;
    }

    private static boolean noWorse(Comparison compared) {
        boolean[] worse = {false};
        compared.forEach((b, d) -> worse[0] |= b != null && d.status().worseThan(b.status()));
        return !worse[0];
    }

    private List<String> subjects(Set<String> sha1s) {
        return sha1s.stream().map(sha1 -> {
            Cert c = s.certs.get(sha1);
            return (c == null ? "?" : c.subject()) + " (" + sha1 + ")";
        }).toList();
    }
}
