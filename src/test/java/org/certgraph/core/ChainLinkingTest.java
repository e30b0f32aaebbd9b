package org.certgraph.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certgraph.core.GraphTuples.edge;
import static org.certgraph.core.GraphTuples.edges;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.certgraph.testing.TestNeo4j;
import org.certgraph.testing.TestPki;
import org.certgraph.testing.TestPki.TestCert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ISSUED_BY edges exist exactly where the issuer's key verifies the child's signature. */
class ChainLinkingTest {

    @TempDir
    Path dir;

    private CertGraph graph;

    @BeforeEach
    void emptyGraph() {
        graph = TestNeo4j.emptyGraph();
    }

    @Test
    void renewedCaLinksEachChildOnlyToTheKeyThatSignedItWhateverTheFileOrder() {
        TestCert root = TestPki.root("CN=Contoso Root").build();
        TestCert oldCa = root.intermediate("CN=Contoso Issuing").build();
        TestCert newCa = oldCa.renewal().issuedBy(root).build();
        TestCert oldLeaf = oldCa.leaf("CN=old.contoso.com").build();
        TestCert newLeaf = newCa.leaf("CN=new.contoso.com").build();

        load("leaves.pem", oldLeaf, newLeaf);
        load("cas.pem", newCa, oldCa, root);

        assertThat(GraphTuples.issuedBy()).isEqualTo(edges(
                edge(oldLeaf, oldCa), edge(newLeaf, newCa),
                edge(oldCa, root), edge(newCa, root)));
    }

    @Test
    void childrenImportedAfterTheirIssuersLinkTheSameWay() {
        TestCert root = TestPki.root("CN=Contoso Root").build();
        TestCert ca = root.intermediate("CN=Contoso Issuing").build();
        TestCert leaf = ca.leaf("CN=www.contoso.com").build();

        load("root.pem", root);
        load("ca.pem", ca);
        load("leaf.pem", leaf);

        assertThat(GraphTuples.issuedBy()).isEqualTo(edges(edge(leaf, ca), edge(ca, root)));
    }

    @Test
    void twoRootsWithTheSameNameAndDifferentKeysKeepTheirOwnChildren() {
        TestCert rootA = TestPki.root("CN=Same Name Root").build();
        TestCert rootB = TestPki.root("CN=Same Name Root").build();
        TestCert leafA = rootA.leaf("CN=a.example").build();
        TestCert leafB = rootB.leaf("CN=b.example").aki(false).build();

        load("all.pem", leafA, leafB, rootA, rootB);

        assertThat(GraphTuples.issuedBy()).isEqualTo(edges(edge(leafA, rootA), edge(leafB, rootB)));
    }

    @Test
    void crossCertifiedIntermediateKeepsBothPaths() {
        TestCert oldRoot = TestPki.root("CN=Old Root").hash("SHA1").build();
        TestCert newRoot = TestPki.root("CN=New Root").build();
        TestCert ca = newRoot.intermediate("CN=Issuing CA").build();
        TestCert cross = oldRoot.crossCertify(ca).build();
        TestCert leaf = ca.leaf("CN=fe01.contoso.com").build();

        load("bundle.pem", leaf, ca, cross, oldRoot, newRoot);

        assertThat(GraphTuples.issuedBy()).isEqualTo(edges(
                edge(leaf, ca), edge(leaf, cross), edge(ca, newRoot), edge(cross, oldRoot)));
        List<List<CertificateNode>> chains = graph.chains(List.of(leaf.sha1())).get(leaf.sha1());
        assertThat(chains).extracting(this::sha1s).containsExactlyInAnyOrder(
                List.of(leaf.sha1(), ca.sha1(), newRoot.sha1()),
                List.of(leaf.sha1(), cross.sha1(), oldRoot.sha1()));
    }

    @Test
    void leafWithoutAkiLinksToItsIssuerAndNotToADecoyWithTheSameName() {
        TestCert root = TestPki.root("CN=Root").build();
        TestCert real = root.intermediate("CN=Issuing").build();
        TestCert decoy = root.intermediate("CN=Issuing").build();
        TestCert leaf = real.leaf("CN=www.example").aki(false).build();

        load("decoy-first.pem", decoy, leaf, real, root);

        assertThat(GraphTuples.issuedBy()).isEqualTo(edges(
                edge(leaf, real), edge(real, root), edge(decoy, root)));
    }

    @Test
    void certificatesWithoutKeyIdsLinkByNameAndSignature() {
        TestCert root = TestPki.root("CN=Old Style Root").ski(false).build();
        TestCert leaf = root.leaf("CN=old.example").aki(false).ski(false).build();

        load("old.pem", leaf, root);

        assertThat(GraphTuples.issuedBy()).isEqualTo(edges(edge(leaf, root)));
    }

    @Test
    void namesThatDifferOnlyInStringEncodingStillMatch() {
        TestCert root = TestPki.root("CN=Encoded Root, O=Contoso, C=US")
                .nameEncoding(TestPki.NameEncoding.PRINTABLE_STRING).build();
        TestCert leaf = TestPki.cert("CN=leaf.example")
                .issuedBy(root).endEntity().aki(false).build();

        load("enc.pem", leaf, root);

        assertThat(GraphTuples.issuedBy()).isEqualTo(edges(edge(leaf, root)));
    }

    @Test
    void crossCertificateCyclesEndWithoutEndlessWalks() {
        TestCert rootA = TestPki.root("CN=Root A").build();
        TestCert rootB = TestPki.root("CN=Root B").build();
        TestCert aByB = rootB.crossCertify(rootA).build();
        TestCert bByA = rootA.crossCertify(rootB).build();
        TestCert leaf = rootA.leaf("CN=leaf.a").build();

        load("cycle.pem", leaf, rootA, rootB, aByB, bByA);

        assertThat(GraphTuples.issuedBy()).contains(
                edge(leaf, rootA), edge(leaf, aByB), edge(aByB, rootB), edge(aByB, bByA),
                edge(bByA, rootA), edge(bByA, aByB));
        List<List<String>> chains = graph.chains(List.of(leaf.sha1())).get(leaf.sha1())
                .stream().map(this::sha1s).toList();
        assertThat(chains).contains(List.of(leaf.sha1(), rootA.sha1()),
                List.of(leaf.sha1(), aByB.sha1(), rootB.sha1()));
        assertThat(chains).allSatisfy(chain ->
                assertThat(chain).doesNotHaveDuplicates());
    }

    @Test
    void selfSignedRootsHaveNoIssuerEdgeAndAreMarkedRoot() {
        TestCert root = TestPki.root("CN=Lonely Root").build();

        load("root.pem", root);

        assertThat(GraphTuples.issuedBy()).isEmpty();
        assertThat(TestNeo4j.count("MATCH (c:Certificate:CA:Root {selfSigned: true}) "
                + "RETURN count(c)")).isEqualTo(1);
        assertThat(graph.chains(List.of(root.sha1())).get(root.sha1()))
                .extracting(this::sha1s).containsExactly(List.of(root.sha1()));
    }

    @Test
    void signatureHashIsTheCertificatesOwnNotTheChainsRoot() {
        TestCert root = TestPki.root("CN=SHA1 Root").hash("SHA1").build();
        TestCert ca = root.intermediate("CN=SHA256 CA").build();
        TestCert leaf = ca.leaf("CN=www.example").build();

        load("chain.pem", leaf, ca, root);

        Map<String, List<List<CertificateNode>>> chains = graph.chains(List.of(leaf.sha1()));
        assertThat(chains.get(leaf.sha1()).get(0)).extracting(c -> c.signatureHash().name())
                .containsExactly("SHA256", "SHA256", "SHA1");
    }

    @Test
    void importingTheSameFilesTwiceChangesNoCounts() {
        TestCert root = TestPki.root("CN=Root").build();
        TestCert ca = root.intermediate("CN=CA").build();
        TestCert leaf = ca.leaf("CN=leaf").build();
        TestPki.writePem(dir, "a.pem", leaf, ca);
        TestPki.writePem(dir, "b.pem", root, ca);
        ImportRequest request = new ImportRequest(List.of(dir), "test-list", "Root", null);

        ImportReport first = graph.importCertificates(request, ImportProgress.NONE);
        long nodes = TestNeo4j.count("MATCH (n) RETURN count(n)");
        long rels = TestNeo4j.count("MATCH ()-[r]->() RETURN count(r)");
        ImportReport second = graph.importCertificates(request, ImportProgress.NONE);

        assertThat(first.certificatesNew()).isEqualTo(3);
        assertThat(first.chainLinks()).isEqualTo(2);
        assertThat(second.certificatesNew()).isZero();
        assertThat(second.certificatesKnown()).isEqualTo(3);
        assertThat(second.chainLinks()).isZero();
        assertThat(TestNeo4j.count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
        assertThat(TestNeo4j.count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(rels);
    }

    private void load(String file, TestCert... certs) {
        TestPki.writePem(dir, file, certs);
        ImportReport report = graph.importCertificates(
                ImportRequest.of(List.of(dir.resolve(file))), ImportProgress.NONE);
        assertThat(report.problems()).isEmpty();
    }

    private List<String> sha1s(List<CertificateNode> chain) {
        return chain.stream().map(CertificateNode::sha1).toList();
    }
}
