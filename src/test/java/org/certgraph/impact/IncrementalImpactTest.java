package org.certgraph.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certgraph.core.CertGraph;
import org.certgraph.core.EstateFixture;
import org.certgraph.impact.Change.RemoveCertificate;
import org.certgraph.impact.Change.RestoreCertificate;
import org.certgraph.impact.Change.TakeServerOffline;
import org.certgraph.impact.Results.DependencyChange;
import org.certgraph.impact.Results.Impact;
import org.certgraph.impact.Results.Plan;
import org.certgraph.impact.Verdicts.Dependency;
import org.certgraph.impact.Verdicts.Reason;
import org.certgraph.impact.Verdicts.ServerVerdict;
import org.certgraph.impact.Verdicts.Status;
import org.certgraph.sources.Model;
import org.certgraph.testing.TestNeo4j;
import org.certgraph.testing.TestPki;
import org.certgraph.testing.TestPki.TestCert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which dependencies a change re-evaluates, on small graphs built for each case. */
class IncrementalImpactTest {

    private static final String LIST = "phones-trust";
    private static final List<String> MODERN = List.of("SHA1", "SHA256");

    private CertGraph graph;
    private EstateFixture estate;
    private TestCert root;

    @BeforeEach
    void setUp() {
        graph = TestNeo4j.emptyGraph();
        estate = new EstateFixture(graph);
        root = TestPki.root("CN=Example Root").build();
        estate.certificates(root);
        estate.trustList(LIST, "imported", root);
    }

    @Test
    void removingAnIntermediateReevaluatesOnlyTheDependenciesThatChainThroughIt() {
        TestCert caA = root.intermediate("CN=Issuing CA A").build();
        TestCert caB = root.intermediate("CN=Issuing CA B").build();
        estate.certificates(caA, caB);
        poolOn("pool1.example.com", caA, "s1", "s2");
        poolOn("pool2.example.com", caB, "s3", "s4");
        poolOn("pool3.example.com", caA, "s5", "s6");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        SnapshotLoader loader = new SnapshotLoader(graph.graph());
        Snapshot before = loader.load(at);
        Snapshot after = before.copy();
        new Changes(loader).apply(new RemoveCertificate(caA.sha1()), after);

        BitSet affected = Affected.between(before, after, Set.of(), Set.of());
        List<Dependency> all = new Evaluator().evaluate(after);
        Impact impact = graph.impact().impact(List.of(new RemoveCertificate(caA.sha1())), at);

        assertThat(affected.stream().mapToObj(i -> all.get(i).service()).toList())
                .containsExactlyInAnyOrder("WebServer:pool1.example.com",
                        "WebServer:pool3.example.com");
        assertThat(impact.dependencies()).extracting(c -> c.after().service())
                .containsExactlyInAnyOrder("WebServer:pool1.example.com",
                        "WebServer:pool3.example.com");
        assertThat(impact.dependencies()).extracting(DependencyChange::after)
                .isEqualTo(all.stream().filter(d -> !d.service().contains("pool2")).toList());
    }

    @Test
    void restoringAnIntermediateInALaterStepRecoversWhatItsRemovalBroke() {
        TestCert caA = root.intermediate("CN=Issuing CA A").build();
        TestCert caB = root.intermediate("CN=Issuing CA B").build();
        estate.certificates(caA, caB);
        poolOn("pool1.example.com", caA, "s1", "s2");
        poolOn("pool2.example.com", caB, "s3", "s4");

        Plan plan = graph.impact().plan(List.of(new RemoveCertificate(caA.sha1()),
                new TakeServerOffline("s3.example.com"),
                new RestoreCertificate(caA.sha1())), null);

        List<DependencyChange> broken = plan.steps().get(0).impact().dependencies();
        List<DependencyChange> recovered = plan.steps().get(2).impact().dependencies();
        assertThat(broken).singleElement().satisfies(c -> {
            assertThat(c.after().service()).isEqualTo("WebServer:pool1.example.com");
            assertThat(c.after().status()).isEqualTo(Status.OUTAGE);
        });
        assertThat(recovered).singleElement().satisfies(c -> {
            assertThat(c.before()).isEqualTo(broken.get(0).after());
            assertThat(c.after()).isEqualTo(broken.get(0).before());
        });
        assertThat(plan.steps().get(2).verdicts()).containsEntry(Status.OK, 2);
    }

    @Test
    void verdictsAtALaterTimeFollowACertificateThatExpiresInBetween() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        TestCert shortLived = root.intermediate("CN=Short-lived CA")
                .validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(10)))
                .build();
        TestCert longLived = root.intermediate("CN=Long-lived CA").build();
        estate.certificates(shortLived, longLived);
        poolOn("pool1.example.com", shortLived, "s1", "s2");
        poolOn("pool2.example.com", longLived, "s3", "s4");
        ImpactEngine engine = graph.impact();
        Instant later = now.plus(Duration.ofDays(20));

        List<Dependency> today = engine.dependencies(now);
        List<Dependency> inTwentyDays = engine.dependencies(later);
        List<Dependency> todayAgain = engine.dependencies(now);

        assertThat(inTwentyDays).isEqualTo(fullEvaluation(later));
        assertThat(todayAgain).isEqualTo(today).isEqualTo(fullEvaluation(now));
        assertThat(inTwentyDays).filteredOn(d -> d.status() == Status.OUTAGE)
                .extracting(Dependency::service)
                .containsExactly("WebServer:pool1.example.com");
        assertThat(inTwentyDays).filteredOn(d -> d.service().contains("pool2"))
                .allSatisfy(d -> assertThat(d).isSameAs(today.get(today.indexOf(d))));
    }

    @Test
    void aServerWithoutCertificatesIsReportedForTheUseOfEachOfItsServices() {
        String pool = "pool1.example.com";
        estate.load("topology", sink -> {
            sink.node(Model.POOL, pool, Map.of("site", "Redmond"));
            sink.node(Model.SERVER, "s1.example.com", Map.of());
            sink.node(Model.SERVER, "client.example.com", Map.of());
            for (String[] service : new String[][] {{"Registrar:" + pool, "Default"},
                {"WebServer:" + pool, "WebServicesInternal"}}) {
                sink.node(Model.SERVICE, service[0], Map.of("role", service[0].split(":")[0],
                        "pool", pool, "use", service[1]));
                sink.relationship(Model.HOSTED_BY, Model.SERVICE, service[0], Model.POOL, pool,
                        Map.of());
                sink.relationship(Model.CONNECTS_TO, Model.SERVER, "client.example.com",
                        Model.SERVICE, service[0], Map.of());
            }
            sink.relationship(Model.MEMBER_OF, Model.SERVER, "s1.example.com", Model.POOL, pool,
                    Map.of());
        });

        List<Dependency> verdicts = graph.impact().dependencies(null);

        assertThat(verdicts).hasSize(2).allSatisfy(d -> {
            assertThat(d.reasons()).contains(Reason.NO_CERTIFICATE);
            String use = d.service().startsWith("Registrar") ? "Default" : "WebServicesInternal";
            assertThat(d.servers()).extracting(ServerVerdict::missingLink)
                    .containsExactly("s1.example.com presents no certificate for " + use);
        });
    }

    @Test
    void aServerAndAPlatformOfTheSameNameAreComparedByKeyAsBefore() {
        TestCert ca = root.intermediate("CN=Issuing CA").build();
        estate.certificates(ca);
        poolOn("pool1.example.com", ca, "s1", "s2");
        estate.load("clients", sink -> {
            sink.node(Model.SERVER, "client.example.com", Map.of());
            sink.node(Model.PLATFORM, "client.example.com", Map.of("signatureHashes",
                    List.of("SHA1")));
            for (String label : List.of(Model.SERVER, Model.PLATFORM)) {
                sink.relationship(Model.CONNECTS_TO, label, "client.example.com",
                        Model.SERVICE, "WebServer:pool1.example.com", Map.of());
                sink.relationship(Model.VALIDATES_WITH, label, "client.example.com",
                        Model.TRUST_LIST, LIST, Map.of());
            }
        });
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Change> changes = List.of(new TakeServerOffline("s1.example.com"),
                new RemoveCertificate(ca.sha1()));
        SnapshotLoader loader = new SnapshotLoader(graph.graph());
        Snapshot before = loader.load(at);
        Snapshot after = before.copy();
        changes.forEach(c -> new Changes(loader).apply(c, after));
        List<Dependency> was = new Evaluator().evaluate(before);
        List<Dependency> now = new Evaluator().evaluate(after);
        List<DependencyChange> full = new ArrayList<>();
        new Comparison(was, now, null, true).forEach((b, d) -> {
            if (b != null && (b.status() != d.status() || !b.reasons().equals(d.reasons()))) {
                full.add(new DependencyChange(b, d));
            }
        });

        Impact impact = graph.impact().impact(changes, at);

        assertThat(before.dependents().uniqueKeys()).isFalse();
        assertThat(impact.dependencies()).isEqualTo(full).isNotEmpty();
    }

    /** A pool whose servers present certificates issued by {@code ca}, and phones in it. */
    private void poolOn(String pool, TestCert ca, String... hosts) {
        String[] servers = new String[hosts.length];
        for (int i = 0; i < hosts.length; i++) {
            servers[i] = hosts[i] + ".example.com";
        }
        estate.pool(pool, "Web", servers);
        TestCert leaf = ca.leaf("CN=" + pool).dns(pool).build();
        for (String server : servers) {
            estate.assign(server, "Web", leaf);
        }
        estate.phones("Phone", "1.0", MODERN, pool, 5, LIST);
    }

    private List<Dependency> fullEvaluation(Instant at) {
        return new Evaluator().evaluate(new SnapshotLoader(graph.graph()).load(at));
    }
}
