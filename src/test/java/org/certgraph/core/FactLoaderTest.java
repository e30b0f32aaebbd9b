package org.certgraph.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.certgraph.cert.CertificateParser;
import org.certgraph.sources.FactSink;
import org.certgraph.sources.Model;
import org.certgraph.testing.TestNeo4j;
import org.certgraph.testing.TestPki;
import org.certgraph.testing.TestPki.TestCert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Source-scoped loading: a source replaces what it said before and never touches others. */
class FactLoaderTest {

    private CertGraph graph;

    @BeforeEach
    void emptyGraph() {
        graph = TestNeo4j.emptyGraph();
    }

    @Test
    void reimportingASourceWithdrawsWhatItNoLongerStates() {
        load("topology", sink -> {
            pool(sink, "pool01.contoso.com", "fe01.contoso.com", "fe02.contoso.com");
        });
        LoadReport again = load("topology", sink -> pool(sink, "pool01.contoso.com",
                "fe01.contoso.com"));

        assertThat(again.removed(Model.SERVER)).isEqualTo(1);
        assertThat(again.removed(Model.MEMBER_OF)).isEqualTo(1);
        assertThat(TestNeo4j.strings("MATCH (s:Server)-[:MEMBER_OF]->(p:Pool) "
                + "RETURN s.fqdn + ' in ' + p.fqdn")).containsExactly(
                        "fe01.contoso.com in pool01.contoso.com");
    }

    @Test
    void anotherSourcesFactsSurviveACleanup() {
        load("topology", sink -> pool(sink, "pool01.contoso.com", "fe01.contoso.com",
                "fe02.contoso.com"));
        load("inventory", sink -> sink.node(Model.SERVER, "fe02.contoso.com",
                Map.of("os", "Windows Server 2019")));

        load("topology", sink -> pool(sink, "pool01.contoso.com", "fe01.contoso.com"));

        assertThat(TestNeo4j.strings("MATCH (s:Server) RETURN s.fqdn + ' ' + "
                + "reduce(t = '', x IN s.sources | t + x)"))
                .containsExactlyInAnyOrder("fe01.contoso.com topology",
                        "fe02.contoso.com inventory");
        assertThat(TestNeo4j.count("MATCH (:Server {fqdn: 'fe02.contoso.com'})-[r]->() "
                + "RETURN count(r)")).isZero();
    }

    @Test
    void aSourceWithProblemsWithdrawsNothing() {
        load("topology", sink -> pool(sink, "pool01.contoso.com", "fe01.contoso.com",
                "fe02.contoso.com"));

        LoadReport report = load("topology", sink -> {
            pool(sink, "pool01.contoso.com", "fe01.contoso.com");
            sink.problem(7, "pools.csv: row 7: the Computers cell is empty; fill it in.");
        });

        assertThat(report.cleanupSkipped()).isTrue();
        assertThat(report.problems()).hasSize(2);
        assertThat(TestNeo4j.count("MATCH (s:Server) RETURN count(s)")).isEqualTo(2);
    }

    @Test
    void aThumbprintReferenceIsUnresolvedUntilTheCertificateArrives() {
        TestCert root = TestPki.root("CN=Referenced Root").build();
        load("store:fe01.contoso.com:Root", sink -> {
            sink.node(Model.TRUST_LIST, "store:fe01.contoso.com:Root", Map.of("kind", "store"));
            sink.certificateRef(root.sha1());
            sink.relationship(Model.TRUSTS, Model.TRUST_LIST, "store:fe01.contoso.com:Root",
                    Model.CERTIFICATE, root.sha1(), Map.of("store", "Root"));
        });
        assertThat(graph.certificate(root.sha1())).hasValueSatisfying(
                c -> assertThat(c.unresolved()).isTrue());

        LoadReport resolved = load("certificate-files",
                sink -> sink.certificate(CertificateParser.parse(root.der())));

        assertThat(resolved.certificatesNew()).isEqualTo(1);
        assertThat(graph.certificate(root.sha1())).hasValueSatisfying(c -> {
            assertThat(c.unresolved()).isFalse();
            assertThat(c.subject()).isEqualTo("CN=Referenced Root");
        });
        assertThat(GraphTuples.trusts()).containsExactly(
                "store:fe01.contoso.com:Root -> " + root.sha1() + " (Root)");
    }

    @Test
    void anUnresolvedReferenceNoSourceStatesAnyMoreIsRemovedButACertificateStays() {
        TestCert kept = TestPki.root("CN=Kept").build();
        load("store:x:Root", sink -> {
            sink.certificateRef("0123456789ABCDEF0123456789ABCDEF01234567");
            sink.certificate(CertificateParser.parse(kept.der()));
        });

        load("store:x:Root", sink -> sink.node(Model.SERVER, "x", Map.of()));

        assertThat(TestNeo4j.strings("MATCH (c:Certificate) RETURN c.sha1"))
                .containsExactly(kept.sha1());
    }

    @Test
    void assignmentsAreKeyedByUse() {
        TestCert cert = TestPki.root("CN=fe01.contoso.com").build();
        load("skype-certificates:fe01.contoso.com", sink -> {
            sink.node(Model.SERVER, "fe01.contoso.com", Map.of());
            sink.certificate(CertificateParser.parse(cert.der()));
            for (String use : List.of("Default", "WebServicesInternal", "Default")) {
                sink.relationship(Model.ASSIGNED, Model.SERVER, "fe01.contoso.com",
                        Model.CERTIFICATE, cert.sha1(), Map.of("use", use));
            }
        });

        assertThat(TestNeo4j.strings("MATCH (:Server)-[a:ASSIGNED]->() RETURN a.use"))
                .containsExactlyInAnyOrder("Default", "WebServicesInternal");
    }

    @Test
    void aCaArrivingSeveralBatchesAfterItsChildrenInTheSameSourceStillLinksThem() {
        TestCert root = TestPki.root("CN=Batch Root").build();
        TestCert ca = root.intermediate("CN=Batch Issuing").build();
        TestCert leaf = ca.leaf("CN=early.contoso.com").build();

        LoadReport report = load("late-ca", sink -> {
            sink.certificate(CertificateParser.parse(leaf.der()));
            for (int i = 0; i < 6_000; i++) {
                sink.node(Model.SERVER, "filler" + i + ".contoso.com", Map.of());
            }
            sink.certificate(CertificateParser.parse(ca.der()));
            sink.certificate(CertificateParser.parse(root.der()));
        });

        assertThat(report.chainLinks()).isEqualTo(2);
        assertThat(report.nodes()).containsEntry(Model.SERVER, 6_000);
        assertThat(TestNeo4j.strings("MATCH (l:Certificate)-[:ISSUED_BY]->(i:Certificate) "
                + "RETURN l.subject + ' by ' + i.subject")).containsExactlyInAnyOrder(
                        "CN=early.contoso.com by CN=Batch Issuing",
                        "CN=Batch Issuing by CN=Batch Root");
    }

    private static void pool(FactSink sink, String pool, String... servers) {
        sink.node(Model.POOL, pool, Map.of("site", "Redmond"));
        for (String server : servers) {
            sink.node(Model.SERVER, server, Map.of());
            sink.relationship(Model.MEMBER_OF, Model.SERVER, server, Model.POOL, pool, Map.of());
        }
    }

    private LoadReport load(String source, Consumer<FactSink> facts) {
        FactLoader loader = new FactLoader(graph.graph(), new IssuerIndex(graph.graph()),
                !source.equals("certificate-files"), source + ".test");
        loader.begin(source);
        facts.accept(loader);
        return loader.finish();
    }
}
