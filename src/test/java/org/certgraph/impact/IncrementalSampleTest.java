package org.certgraph.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certgraph.core.CertGraph;
import org.certgraph.core.ImportProgress;
import org.certgraph.core.ImportReport;
import org.certgraph.core.ImportRequest;
import org.certgraph.graph.Graph;
import org.certgraph.impact.Change.AddTrust;
import org.certgraph.impact.Change.AssignCertificate;
import org.certgraph.impact.Change.BringServerOnline;
import org.certgraph.impact.Change.RemoveAuthority;
import org.certgraph.impact.Change.RemoveCertificate;
import org.certgraph.impact.Change.RemoveTrust;
import org.certgraph.impact.Change.RestoreAuthority;
import org.certgraph.impact.Change.RestoreCertificate;
import org.certgraph.impact.Change.TakeServerOffline;
import org.certgraph.impact.Change.UnassignCertificate;
import org.certgraph.impact.Change.UpgradeFirmware;
import org.certgraph.impact.Results.DependencyChange;
import org.certgraph.impact.Results.Impact;
import org.certgraph.impact.Results.Plan;
import org.certgraph.impact.Results.PlanStep;
import org.certgraph.impact.Verdicts.Dependency;
import org.certgraph.testing.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Answers re-evaluate only the dependencies a change can affect; on the sample estate
 * (importers/samples/) they must be exactly what evaluating every dependency gives, for every
 * kind of change, at two times, and step by step through a plan.
 */
class IncrementalSampleTest {

    private static final String WEB = "webservice:global";
    private static final String OLD_AUTHORITY = "Contoso Issuing CA 1";
    private static final String NEW_FIRMWARE = "4.0.7577.4455";
    private static final List<String> USES = List.of("Default", "WebServicesInternal",
            "WebServicesExternal");
    private static final Instant LATER = Instant.parse("2032-01-01T00:00:00Z");

    private static CertGraph graph;

    @BeforeAll
    static void importTheSampleEstate() {
        graph = TestNeo4j.emptyGraph();
        ImportReport report = graph.importCertificates(
                ImportRequest.of(List.of(Path.of("importers", "samples"))), ImportProgress.NONE);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void everyKindOfChangeGetsTheAnswerOfAFullEvaluation() {
        ImpactEngine engine = graph.impact();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        int answers = 0;
        for (Instant at : List.of(now, LATER, now)) {
            for (Map.Entry<String, List<Change>> set : changeSets().entrySet()) {
                Impact impact = engine.impact(set.getValue(), at);
                Answer full = fullAnswer(graph.graph(), set.getValue(), at);

                assertThat(impact.dependencies()).as(set.getKey() + " at " + at)
                        .isEqualTo(full.dependencies());
                assertThat(impact.notes()).as(set.getKey() + " at " + at)
                        .isEqualTo(full.notes());
                answers += impact.dependencies().isEmpty() ? 0 : 1;
            }
        }
        assertThat(answers).as("change sets that change some verdict").isGreaterThan(10);
    }

    @Test
    void eachStepOfAPlanGetsTheAnswerOfAFullEvaluationOfAllStepsSoFar() {
        String fe01 = "fe01.contoso.com";
        String fe02 = "fe02.contoso.com";
        String issuing = sha1("CN=Contoso Issuing CA 1,");
        List<Change> steps = new ArrayList<>();
        steps.add(new TakeServerOffline(fe01));
        steps.add(new RemoveCertificate(issuing));
        steps.addAll(newCertificates(fe02));
        steps.add(new RestoreCertificate(issuing));
        steps.add(new BringServerOnline(fe01));
        steps.add(new AddTrust(WEB, sha1("CN=Contoso Root CA G2,"), "TrustedRootCA"));
        steps.add(new UpgradeFirmware("HP 4120", NEW_FIRMWARE, null));
        steps.addAll(newCertificates(fe01));
        steps.add(new RemoveTrust(WEB, sha1("CN=Contoso Root CA,")));
        steps.add(new RemoveAuthority(OLD_AUTHORITY));
        steps.add(new RestoreAuthority(OLD_AUTHORITY));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES);

        Plan plan = graph.impact().plan(steps, at);

        SnapshotLoader loader = new SnapshotLoader(graph.graph());
        Changes changes = new Changes(loader);
        Snapshot current = loader.load(at);
        List<Dependency> verdicts = new Evaluator().evaluate(current);
        int changing = 0;
        for (PlanStep step : plan.steps()) {
            Snapshot next = current.copy();
            Change c = changes.normalise(steps.get(step.number() - 1), next);
            changes.apply(c, next);
            List<Dependency> after = new Evaluator().evaluate(next);
            Answer full = answer(List.of(c), current, verdicts, after);

            assertThat(step.impact().dependencies()).as(step.description())
                    .isEqualTo(full.dependencies());
            assertThat(step.impact().notes()).as(step.description()).isEqualTo(full.notes());
            assertThat(step.verdicts().values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(after.size());
            changing += full.dependencies().isEmpty() ? 0 : 1;
            current = next;
            verdicts = after;
        }
        assertThat(changing).as("steps that change some verdict").isGreaterThan(4);
        assertThat(plan.steps()).filteredOn(s -> s.change().containsKey("restoreCertificate"))
                .singleElement().satisfies(s -> assertThat(s.impact().summary().recovered())
                        .as("recovered by undoing the removal two steps before").isPositive());
    }

    /** Change sets of every kind, named for the assertion messages. */
    private static Map<String, List<Change>> changeSets() {
        String issuing = sha1("CN=Contoso Issuing CA 1,");
        String root = sha1("CN=Contoso Root CA,");
        String newRoot = sha1("CN=Contoso Root CA G2,");
        Map<String, List<Change>> sets = new LinkedHashMap<>();
        sets.put("nothing", List.of());
        sets.put("issuing CA out of the web list", List.of(new RemoveTrust(WEB, issuing)));
        sets.put("old root out of the web list", List.of(new RemoveTrust(WEB, root)));
        sets.put("new root into the web list", List.of(new AddTrust(WEB, newRoot, null)));
        sets.put("old root moved to the intermediate store", List.of(
                new AddTrust(WEB, root, "IntermediateCA")));
        sets.put("new certificates on fe01", newCertificates("fe01.contoso.com"));
        sets.put("no Default certificate on fe01", List.of(
                new UnassignCertificate("fe01.contoso.com", "Default")));
        sets.put("issuing CA removed", List.of(new RemoveCertificate(issuing)));
        sets.put("issuing CA removed and restored", List.of(new RemoveCertificate(issuing),
                new RestoreCertificate(issuing)));
        sets.put("old root removed", List.of(new RemoveCertificate(root)));
        sets.put("authority removed", List.of(new RemoveAuthority(OLD_AUTHORITY)));
        sets.put("authority removed and restored", List.of(new RemoveAuthority(OLD_AUTHORITY),
                new RestoreAuthority(OLD_AUTHORITY)));
        sets.put("fe01 offline", List.of(new TakeServerOffline("fe01.contoso.com")));
        sets.put("both front ends offline", List.of(new TakeServerOffline("fe01.contoso.com"),
                new TakeServerOffline("fe02.contoso.com")));
        sets.put("fe01 offline and back", List.of(new TakeServerOffline("fe01.contoso.com"),
                new BringServerOnline("fe01.contoso.com")));
        sets.put("HP 4120 firmware", List.of(new UpgradeFirmware("HP 4120", NEW_FIRMWARE,
                null)));
        List<Change> migration = new ArrayList<>(newCertificates("rfe01.contoso.com"));
        migration.add(new AddTrust(WEB, newRoot, "TrustedRootCA"));
        migration.add(new UpgradeFirmware("HP 4110", NEW_FIRMWARE, "4.0.7577.4420"));
        migration.add(new RemoveTrust(WEB, root));
        sets.put("several kinds together", migration);
        return sets;
    }

    /** The changes and notes of an answer. */
    private record Answer(List<DependencyChange> dependencies, List<String> notes) {
    }

    /** The answer from evaluating every dependency before and after the changes. */
    private static Answer fullAnswer(Graph graph, List<Change> changeSet, Instant at) {
        SnapshotLoader loader = new SnapshotLoader(graph);
        Changes changes = new Changes(loader);
        Snapshot before = loader.load(at);
        Snapshot after = before.copy();
        List<Change> applied = new ArrayList<>();
        for (Change change : changeSet) {
            Change c = changes.normalise(change, after);
            changes.apply(c, after);
            applied.add(c);
        }
        return answer(applied, before, new Evaluator().evaluate(before),
                new Evaluator().evaluate(after));
    }

    /** Pairs every dependency after with its verdict before by key, as a full diff does. */
    private static Answer answer(List<Change> applied, Snapshot before, List<Dependency> was,
                                 List<Dependency> now) {
        Comparison all = new Comparison(was, now, null, true);
        List<DependencyChange> changed = new ArrayList<>();
        all.forEach((b, d) -> {
            if (b != null && (b.status() != d.status() || !b.reasons().equals(d.reasons()))) {
                changed.add(new DependencyChange(b, d));
            }
        });
        return new Answer(changed, Notes.of(applied, before, all));
    }

    private static List<Change> newCertificates(String server) {
        String fresh = TestNeo4j.strings("MATCH (:TrustList {id: 'store:" + server + ":My'})"
                + "-[:TRUSTS]->(c:Certificate)-[:ISSUED_BY*]->(r:Root) "
                + "WHERE NOT c.isCA AND c.subject STARTS WITH 'CN=" + server + "' "
                + "AND r.subject STARTS WITH 'CN=Contoso Root CA G2,' RETURN DISTINCT c.sha1")
                .get(0);
        return USES.stream().map(use -> (Change) new AssignCertificate(server, use, fresh))
                .toList();
    }

    private static String sha1(String subjectStart) {
        List<String> found = TestNeo4j.strings("MATCH (c:Certificate) WHERE c.isCA AND "
                + "c.subject STARTS WITH '" + subjectStart + "' RETURN c.sha1");
        assertThat(found).as(subjectStart).hasSize(1);
        return found.get(0);
    }
}
