package org.certgraph.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.certgraph.core.CertGraph;
import org.certgraph.core.ImportProgress;
import org.certgraph.core.ImportReport;
import org.certgraph.core.ImportRequest;
import org.certgraph.impact.Change.AddTrust;
import org.certgraph.impact.Change.AssignCertificate;
import org.certgraph.impact.Change.RemoveTrust;
import org.certgraph.impact.Change.UpgradeFirmware;
import org.certgraph.impact.Results.Blocker;
import org.certgraph.impact.Results.DependencyChange;
import org.certgraph.impact.Results.Impact;
import org.certgraph.impact.Results.Plan;
import org.certgraph.impact.Results.PlanStep;
import org.certgraph.impact.Results.Readiness;
import org.certgraph.impact.Verdicts.Dependency;
import org.certgraph.impact.Verdicts.Reason;
import org.certgraph.impact.Verdicts.Status;
import org.certgraph.testing.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The story of DESIGN.md on the sample estate (importers/samples/): Contoso moves its Skype for
 * Business pools from the SHA-1 PKI to the SHA-256 PKI, and certgraph predicts what breaks.
 */
class SampleStoryTest {

    private static final String WEB = "webservice:global";
    private static final String POOL = "pool01.contoso.com";
    private static final String REHEARSAL = "rehearsal.contoso.com";
    private static final List<String> USES = List.of("Default", "WebServicesInternal",
            "WebServicesExternal");
    private static final List<String> LPE = List.of("HP 4120", "HP 4110", "Polycom CX600");
    private static final String OLD_FIRMWARE = "4.0.7577.4420";
    private static final String NEW_FIRMWARE = "4.0.7577.4455";

    private static ImpactEngine engine;

    @BeforeAll
    static void importTheSampleEstate() {
        CertGraph graph = TestNeo4j.emptyGraph();
        ImportReport report = graph.importCertificates(
                ImportRequest.of(List.of(Path.of("importers", "samples"))), ImportProgress.NONE);
        assertThat(report.problems()).isEmpty();
        engine = graph.impact();
    }

    @Test
    void todayEveryDependencyWorks() {
        assertThat(engine.dependencies(null)).isNotEmpty()
                .allSatisfy(d -> assertThat(d.status()).as(d.key()).isEqualTo(Status.OK));
    }

    @Test
    void theFirstFrontEndOnTheNewPkiDegradesThePoolsWebServicesForItsPhones() {
        Impact impact = engine.impact(newCertificates("fe01.contoso.com"), null);

        List<Dependency> web = after(impact.dependencies(), "WebServer:" + POOL);
        assertThat(web).isNotEmpty().allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(Status.DEGRADED);
            assertThat(d.reasons()).contains(Reason.UNTRUSTED);
        });
        assertThat(impact.summary().broken()).isZero();
        assertThat(impact.phones()).allSatisfy(p -> assertThat(p.pool()).isEqualTo(POOL));
    }

    @Test
    void theSecondFrontEndMakesAnOutageForEveryPhoneInThePool() {
        List<Change> steps = new ArrayList<>(newCertificates("fe01.contoso.com"));
        steps.addAll(newCertificates("fe02.contoso.com"));

        Plan plan = engine.plan(steps, null);
        PlanStep last = plan.steps().get(plan.steps().size() - 1);
        List<Dependency> pool = engine.impact(steps, null).dependencies().stream()
                .map(DependencyChange::after)
                .filter(d -> d.kind().equals("PHONE") && d.pool().equals(POOL)).toList();

        assertThat(plan.worst()).isEqualTo(Status.OUTAGE);
        assertThat(last.worst()).isEqualTo(Status.OUTAGE);
        assertThat(pool).isNotEmpty().allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(Status.OUTAGE);
            assertThat(d.reasons()).contains(Reason.UNTRUSTED);
        });
        assertThat(pool).filteredOn(d -> d.firmware().equals(OLD_FIRMWARE)).isNotEmpty()
                .allSatisfy(d -> assertThat(d.reasons()).contains(Reason.UNSUPPORTED_SIGNATURE));
        assertThat(pool).filteredOn(d -> !d.firmware().equals(OLD_FIRMWARE)).isNotEmpty()
                .allSatisfy(d -> assertThat(d.reasons())
                        .doesNotContain(Reason.UNSUPPORTED_SIGNATURE));
        long phones = engine.impact(steps, null).summary().phonesAffected();
        assertThat(phones).isEqualTo(110);
    }

    @Test
    void withTheNewRootTrustedAndFirmwareUpgradedFirstNothingDegradesAtAnyStep() {
        List<Change> steps = new ArrayList<>(preparation());
        steps.addAll(newCertificates("fe01.contoso.com"));
        steps.addAll(newCertificates("fe02.contoso.com"));

        Plan plan = engine.plan(steps, null);

        assertThat(plan.harmless()).isTrue();
        assertThat(plan.worst()).isEqualTo(Status.OK);
        for (PlanStep step : plan.steps()) {
            assertThat(step.backout()).as(step.description()).isNotEmpty();
        }
        PlanStep trust = plan.steps().get(0);
        assertThat(trust.backout()).containsExactly(
                new RemoveTrust(WEB, sha1("CN=Contoso Root CA G2,")).toInput());
        PlanStep firstAssignment = plan.steps().get(preparation().size());
        assertThat(firstAssignment.backout()).containsExactly(new AssignCertificate(
                "fe01.contoso.com", USES.get(0), oldServerCertificate("fe01")).toInput());
    }

    @Test
    void removingTheOldIssuingCaFromTheTrustedCaListBreaksNothingAndSaysWhy() {
        Impact impact = engine.impact(List.of(
                new RemoveTrust(WEB, sha1("CN=Contoso Issuing CA 1,"))), null);

        assertThat(impact.dependencies()).isEmpty();
        assertThat(impact.notes()).singleElement().asString()
                .contains("still reach").contains("CN=Contoso Root CA,");
    }

    @Test
    void removingTheOldRootTooBreaksEveryDependencyStillOnOldCertificates() {
        Impact impact = engine.impact(List.of(
                new RemoveTrust(WEB, sha1("CN=Contoso Issuing CA 1,")),
                new RemoveTrust(WEB, sha1("CN=Contoso Root CA,"))), null);

        List<Dependency> phones = engine.dependencies(null).stream()
                .filter(d -> d.kind().equals("PHONE")).toList();
        assertThat(impact.dependencies()).hasSize(phones.size())
                .allSatisfy(c -> assertThat(c.after().status()).isEqualTo(Status.OUTAGE));
        assertThat(impact.summary().phonesAffected()).isEqualTo(113);
    }

    @Test
    void removingTheOldIssuingAuthorityBreaksEveryoneOnItsCertificatesAndBacksOut() {
        Plan plan = engine.plan(List.of(new Change.RemoveAuthority("Contoso Issuing CA 1")),
                null);

        assertThat(plan.steps().get(0).impact().summary().phonesAffected()).isEqualTo(113);
        assertThat(plan.steps().get(0).backout()).containsExactly(
                new Change.RestoreAuthority("Contoso Issuing CA 1").toInput());
        assertThat(engine.impact(List.of(new Change.RemoveAuthority("Contoso Issuing CA 1"),
                new Change.RestoreAuthority("Contoso Issuing CA 1")), null).dependencies())
                .isEmpty();
    }

    @Test
    void aFrontEndTakenOfflineLeavesThePoolToTheOther() {
        Impact impact = engine.impact(List.of(new Change.TakeServerOffline("fe01.contoso.com")),
                null);

        assertThat(impact.dependencies()).isEmpty();
        Impact both = engine.impact(List.of(new Change.TakeServerOffline("fe01.contoso.com"),
                new Change.TakeServerOffline("fe02.contoso.com")), null);
        assertThat(both.summary().phonesAffected()).isEqualTo(110);
        assertThat(both.dependencies()).allSatisfy(c ->
                assertThat(c.after().reasons()).contains(Reason.NO_SERVER));
    }

    @Test
    void theOldPkiExpiringMakesEveryDependencyFailAtThatTime() {
        Impact impact = engine.impact(List.of(), java.time.Instant.parse("2032-01-01T00:00:00Z"));

        assertThat(impact.dependencies()).isEmpty();
        List<Dependency> later = engine.dependencies(
                java.time.Instant.parse("2032-01-01T00:00:00Z"));
        assertThat(later).isNotEmpty().allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(Status.OUTAGE);
            assertThat(d.reasons()).contains(Reason.EXPIRED);
        });
    }

    @Test
    void switchingTheRehearsalPoolFirstAffectsOnlyItsOwnFewPhones() {
        List<Change> steps = new ArrayList<>(newCertificates("rfe01.contoso.com"));
        steps.addAll(newCertificates("rfe02.contoso.com"));

        Impact impact = engine.impact(steps, null);

        assertThat(impact.phones()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.pool()).isEqualTo(REHEARSAL));
        assertThat(impact.summary().phonesAffected()).isEqualTo(3);
    }

    @Test
    void readinessForTheNewRootListsExactlyTheEstatesBlockers() {
        Readiness readiness = engine.readiness(sha1("CN=Contoso Root CA G2,"), null);

        Map<String, Set<String>> byKind = readiness.blockers().stream().collect(
                Collectors.groupingBy(Blocker::kind, Collectors.mapping(Blocker::subject,
                        Collectors.toSet())));
        assertThat(byKind.keySet()).containsExactlyInAnyOrder("FIRMWARE", "TRUST", "SERVER_USE");
        assertThat(byKind.get("FIRMWARE")).containsExactlyInAnyOrder(
                "HP 4120 " + OLD_FIRMWARE, "HP 4110 " + OLD_FIRMWARE,
                "Polycom CX600 " + OLD_FIRMWARE);
        assertThat(byKind.get("TRUST")).containsExactly(WEB);
        assertThat(byKind.get("SERVER_USE")).hasSize(16);
        assertThat(readiness.blockers()).allSatisfy(b -> assertThat(b.resolution())
                .as(b.subject()).isNotEmpty());
        assertThat(readiness.blockers()).filteredOn(b -> b.kind().equals("FIRMWARE"))
                .allSatisfy(b -> assertThat(b.resolution()).containsExactly(new UpgradeFirmware(
                        b.subject().substring(0, b.subject().lastIndexOf(' ')), NEW_FIRMWARE,
                        OLD_FIRMWARE).toInput()));
    }

    @Test
    void theMigrationPlanForTheNewRootHasNoStepThatDegradesOrBreaks() {
        Plan plan = engine.migrationPlan(sha1("CN=Contoso Root CA G2,"));

        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.harmless()).isTrue();
        assertThat(plan.steps()).hasSizeGreaterThan(16);
        List<String> kinds = plan.steps().stream()
                .map(s -> s.change().keySet().iterator().next()).toList();
        int lastPreparation = Math.max(kinds.lastIndexOf("upgradeFirmware"),
                kinds.lastIndexOf("addTrust"));
        assertThat(kinds.indexOf("assignCertificate")).isGreaterThan(lastPreparation);
        List<String> servers = plan.steps().stream()
                .filter(s -> s.change().containsKey("assignCertificate"))
                .map(s -> (String) field(s.change(), "assignCertificate", "server"))
                .distinct().toList();
        assertThat(servers).containsExactly("rfe01.contoso.com", "rfe02.contoso.com",
                "fe01.contoso.com", "fe02.contoso.com");
        assertThat(kinds).contains("removeTrust");
        assertThat(kinds.indexOf("removeTrust")).isGreaterThan(kinds.lastIndexOf(
                "assignCertificate"));
    }

    private static List<Change> preparation() {
        List<Change> steps = new ArrayList<>();
        steps.add(new AddTrust(WEB, sha1("CN=Contoso Root CA G2,"), "TrustedRootCA"));
        steps.add(new AddTrust(WEB, sha1("CN=Contoso Issuing CA G2-1,"), "IntermediateCA"));
        steps.add(new AddTrust(WEB, sha1("CN=Contoso Issuing CA G2-2,"), "IntermediateCA"));
        for (String model : LPE) {
            steps.add(new UpgradeFirmware(model, NEW_FIRMWARE, null));
        }
        return steps;
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

    private static String oldServerCertificate(String host) {
        return TestNeo4j.strings("MATCH (:Server {fqdn: '" + host + ".contoso.com'})"
                + "-[:ASSIGNED {use: 'Default'}]->(c) RETURN c.sha1").get(0);
    }

    private static String sha1(String subjectStart) {
        List<String> found = TestNeo4j.strings("MATCH (c:Certificate) WHERE c.isCA AND "
                + "c.subject STARTS WITH '" + subjectStart + "' RETURN c.sha1");
        assertThat(found).as(subjectStart).hasSize(1);
        return found.get(0);
    }

    private static List<Dependency> after(List<DependencyChange> changes, String service) {
        return changes.stream().map(DependencyChange::after)
                .filter(d -> d.service().equals(service)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Object field(Map<String, Object> change, String kind, String name) {
        return ((Map<String, Object>) change.get(kind)).get(name);
    }
}
