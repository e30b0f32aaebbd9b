package org.certgraph.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.certgraph.core.CertGraph;
import org.certgraph.core.EstateFixture;
import org.certgraph.impact.Change.AssignCertificate;
import org.certgraph.impact.Change.RemoveCertificate;
import org.certgraph.impact.Change.RemoveTrust;
import org.certgraph.impact.Change.TakeServerOffline;
import org.certgraph.impact.Change.UpgradeFirmware;
import org.certgraph.impact.Results.Impact;
import org.certgraph.impact.Results.Plan;
import org.certgraph.impact.Verdicts.Dependency;
import org.certgraph.impact.Verdicts.Reason;
import org.certgraph.impact.Verdicts.Status;
import org.certgraph.testing.TestNeo4j;
import org.certgraph.testing.TestPki;
import org.certgraph.testing.TestPki.TestCert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verdicts and what-if answers on small graphs built for each rule. */
class ImpactEngineTest {

    private static final String POOL = "pool1.example.com";
    private static final String LIST = "phones-trust";
    private static final List<String> MODERN = List.of("SHA1", "SHA256");

    private CertGraph graph;
    private EstateFixture estate;
    private ImpactEngine engine;
    private TestCert root;
    private TestCert ca;

    @BeforeEach
    void setUp() {
        graph = TestNeo4j.emptyGraph();
        estate = new EstateFixture(graph);
        engine = graph.impact();
        root = TestPki.root("CN=Example Root").build();
        ca = root.intermediate("CN=Example Issuing CA").build();
        estate.certificates(root, ca);
        estate.pool(POOL, "Web", "s1.example.com", "s2.example.com");
        estate.trustList(LIST, "imported", root);
    }

    private TestCert serverCert(TestCert issuer) {
        return issuer.leaf("CN=" + POOL).dns(POOL).build();
    }

    @Test
    void everyServerTrustedIsOk() {
        assignBoth(serverCert(ca));
        estate.phones("Phone", "1.0", MODERN, POOL, 5, LIST);

        assertThat(engine.dependencies(null)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(Status.OK);
            assertThat(d.count()).isEqualTo(5);
            assertThat(d.servers()).allSatisfy(v -> assertThat(v.path()).extracting("sha1")
                    .endsWith(root.sha1()));
        });
    }

    @Test
    void oneUntrustedServerDegradesAndBothMakeAnOutage() {
        assignBoth(serverCert(ca));
        estate.phones("Phone", "1.0", MODERN, POOL, 5, LIST);
        TestCert otherRoot = TestPki.root("CN=Other Root").build();
        TestCert other = serverCert(otherRoot);
        estate.certificates(otherRoot, other);

        Impact one = engine.impact(List.of(assign("s1.example.com", other)), null);
        Impact both = engine.impact(List.of(assign("s1.example.com", other),
                assign("s2.example.com", other)), null);

        assertThat(one.dependencies()).singleElement().satisfies(c -> {
            assertThat(c.after().status()).isEqualTo(Status.DEGRADED);
            assertThat(c.after().reasons()).containsExactly(Reason.UNTRUSTED);
        });
        assertThat(one.summary().degraded()).isEqualTo(1);
        assertThat(both.summary().broken()).isEqualTo(1);
        assertThat(both.summary().phonesAffected()).isEqualTo(5);
        assertThat(both.dependencies().get(0).after().servers()).allSatisfy(v ->
                assertThat(v.missingLink()).contains("CN=Other Root")
                        .contains("no trust list of this party holds as a root"));
    }

    @Test
    void aCrossSignedIntermediateSurvivesTheRemovalOfOneRoot() {
        TestCert rootB = TestPki.root("CN=Second Root").build();
        TestCert cross = rootB.crossCertify(ca).build();
        estate.certificates(rootB, cross);
        estate.trustList(LIST, "imported", root, rootB);
        assignBoth(serverCert(ca));
        estate.phones("Phone", "1.0", MODERN, POOL, 5, LIST);

        Impact oneRoot = engine.impact(List.of(new RemoveTrust(LIST, root.sha1())), null);
        Impact bothRoots = engine.impact(List.of(new RemoveTrust(LIST, root.sha1()),
                new RemoveTrust(LIST, rootB.sha1())), null);

        assertThat(oneRoot.dependencies()).isEmpty();
        assertThat(oneRoot.notes()).singleElement().asString().contains("CN=Second Root");
        assertThat(bothRoots.summary().broken()).isEqualTo(1);
    }

    @Test
    void anExpiredIntermediateIsPassedOverForAValidRenewalOfTheSameKey() {
        Instant now = Instant.now();
        TestCert expired = root.crossCertify(ca)
                .validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)))
                .build();
        TestCert leaf = serverCert(ca);
        estate.certificates(expired);
        assignBoth(leaf);
        estate.phones("Phone", "1.0", MODERN, POOL, 5, LIST);

        assertThat(engine.dependencies(null)).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(Status.OK));
        Impact withoutValid = engine.impact(List.of(new RemoveCertificate(ca.sha1())), null);
        assertThat(withoutValid.dependencies()).singleElement().satisfies(c -> {
            assertThat(c.after().status()).isEqualTo(Status.OUTAGE);
            assertThat(c.after().reasons()).contains(Reason.EXPIRED);
        });
    }

    @Test
    void unknownFirmwareIsUnknownAndAKnownUpgradeMakesItOk() {
        assignBoth(serverCert(ca));
        estate.phones("Phone", "1.0", null, POOL, 7, LIST);
        estate.firmware("Phone", "2.0", MODERN);

        Dependency before = engine.dependencies(null).get(0);
        Impact upgrade = engine.impact(List.of(new UpgradeFirmware("Phone", "2.0", null)), null);

        assertThat(before.status()).isEqualTo(Status.UNKNOWN);
        assertThat(before.reasons()).containsExactly(Reason.CAPABILITY_UNKNOWN);
        assertThat(upgrade.summary().recovered()).isEqualTo(1);
        assertThat(upgrade.dependencies().get(0).after().status()).isEqualTo(Status.OK);
    }

    @Test
    void sha1OnlyFirmwareCannotFollowASha256ChainButTheRootsSelfSignatureDoesNotCount() {
        TestCert sha1Root = TestPki.root("CN=SHA1 Root").hash("SHA1").build();
        TestCert sha256Ca = sha1Root.intermediate("CN=SHA256 CA").build();
        estate.certificates(sha1Root, sha256Ca);
        estate.trustList(LIST, "imported", sha1Root);
        assignBoth(serverCert(sha256Ca));
        estate.phones("Old", "1.0", List.of("SHA1"), POOL, 3, LIST);
        estate.phones("New", "1.0", List.of("SHA256"), POOL, 4, LIST);

        List<Dependency> verdicts = engine.dependencies(null);

        assertThat(verdicts).filteredOn(d -> d.model().equals("Old")).singleElement()
                .satisfies(d -> assertThat(d.reasons()).containsExactly(
                        Reason.UNSUPPORTED_SIGNATURE));
        assertThat(verdicts).filteredOn(d -> d.model().equals("New")).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(Status.OK));
    }

    @Test
    void aPlanGivesEachStepItsBackoutAndItsCumulativeVerdicts() {
        TestCert old = serverCert(ca);
        assignBoth(old);
        estate.phones("Phone", "1.0", MODERN, POOL, 5, LIST);
        TestCert otherRoot = TestPki.root("CN=Other Root").build();
        TestCert other = serverCert(otherRoot);
        estate.certificates(otherRoot, other);

        Plan plan = engine.plan(List.of(assign("s1.example.com", other),
                assign("s2.example.com", other)), null);

        assertThat(plan.steps()).hasSize(2);
        assertThat(plan.steps().get(0).backout()).containsExactly(
                assign("s1.example.com", old).toInput());
        assertThat(plan.steps().get(0).worst()).isEqualTo(Status.DEGRADED);
        assertThat(plan.steps().get(1).worst()).isEqualTo(Status.OUTAGE);
        assertThat(plan.worst()).isEqualTo(Status.OUTAGE);
        assertThat(plan.harmless()).isFalse();
    }

    @Test
    void takingTheBadServerOfflineLeavesThePoolToTheGoodOne() {
        TestCert good = serverCert(ca);
        TestCert otherRoot = TestPki.root("CN=Other Root").build();
        TestCert bad = serverCert(otherRoot);
        estate.certificates(otherRoot);
        estate.assign("s1.example.com", "Web", bad);
        estate.assign("s2.example.com", "Web", good);
        estate.phones("Phone", "1.0", MODERN, POOL, 5, LIST);

        Impact impact = engine.impact(List.of(new TakeServerOffline("s1.example.com")), null);

        assertThat(impact.summary().recovered()).isEqualTo(1);
        assertThat(impact.dependencies().get(0).after().status()).isEqualTo(Status.OK);
    }

    @Test
    void aWhatIfLeavesTheStoredGraphAsItWas() {
        assignBoth(serverCert(ca));
        estate.phones("Phone", "1.0", MODERN, POOL, 5, LIST);
        long nodes = TestNeo4j.count("MATCH (n) RETURN count(n)");
        long rels = TestNeo4j.count("MATCH ()-[r]->() RETURN count(r)");

        engine.impact(List.of(new RemoveTrust(LIST, root.sha1()),
                new TakeServerOffline("s1.example.com")), null);

        assertThat(TestNeo4j.count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
        assertThat(TestNeo4j.count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(rels);
        assertThat(TestNeo4j.count("MATCH (:TrustList)-[r:TRUSTS]->() RETURN count(r)"))
                .isEqualTo(1);
    }

    @Test
    void aChangeNamingSomethingUnknownIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> engine.impact(List.of(new RemoveTrust("nope", root.sha1())),
                null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No trust list nope").hasMessageContaining("trustLists");
        assertThatThrownBy(() -> engine.impact(List.of(new RemoveTrust(LIST, "12:34")), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12:34");
        assertThatThrownBy(() -> ChangeInputs.parse(Map.of("frobnicate", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("removeTrust");
        String unknown = "0123456789ABCDEF0123456789ABCDEF01234567";
        assertThatThrownBy(() -> engine.impact(List.of(new RemoveTrust(LIST, unknown)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No certificate with thumbprint " + unknown);
        assertThatThrownBy(() -> engine.impact(List.of(new RemoveTrust(LIST, ca.sha1())), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not hold");
        assertThatThrownBy(() -> ChangeInputs.parse(Map.of("takeServerOffline",
                Map.of("servr", "x")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no field servr");
    }

    @Test
    void answersFollowImportsAndEditsMadeInTheGraph() {
        assignBoth(serverCert(ca));
        estate.phones("Phone", "1.0", MODERN, POOL, 5, LIST);
        assertThat(engine.dependencies(null)).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(Status.OK));

        estate.phones("Other", "2.0", MODERN, POOL, 3, LIST);
        assertThat(engine.dependencies(null)).hasSize(2);

        try (var session = graph.graph().driver().session(graph.graph().sessionConfig())) {
            session.run("MATCH (:TrustList {id: $id})-[r:TRUSTS]->() DELETE r",
                    Map.of("id", LIST)).consume();
        }
        assertThat(engine.dependencies(null)).hasSize(2)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(Status.OUTAGE));
    }

    private void assignBoth(TestCert cert) {
        estate.assign("s1.example.com", "Web", cert);
        estate.assign("s2.example.com", "Web", cert);
    }

    private static AssignCertificate assign(String server, TestCert cert) {
        return new AssignCertificate(server, "Web", cert.sha1());
    }
}
