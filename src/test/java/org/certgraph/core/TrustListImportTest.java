package org.certgraph.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.certgraph.testing.TestNeo4j;
import org.certgraph.testing.TestPki;
import org.certgraph.testing.TestPki.TestCert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --trust-list}: who trusts what, replaced per list, never lost on bad input. */
class TrustListImportTest {

    @TempDir
    Path dir;

    private CertGraph graph;
    private TestCert rootA;
    private TestCert rootB;

    @BeforeEach
    void setUp() {
        graph = TestNeo4j.emptyGraph();
        rootA = TestPki.root("CN=Root A").build();
        rootB = TestPki.root("CN=Root B").build();
    }

    @Test
    void recordsEveryCertificateFoundAsAnEntry() {
        Path folder = dir.resolve("roots");
        TestPki.writePem(folder, "a.crt", rootA);
        TestPki.writeDer(folder, "b.cer", rootB);

        ImportReport report = importList("os-roots", folder);

        assertThat(report.trustEntriesAdded()).isEqualTo(2);
        assertThat(GraphTuples.trusts()).isEqualTo(Set.of(
                "os-roots -> " + rootA.sha1() + " (Root)", "os-roots -> " + rootB.sha1() + " (Root)"));
    }

    @Test
    void reimportingAListReplacesItsEntriesButKeepsTheCertificates() {
        importList("os-roots", TestPki.writePem(dir, "both.pem", rootA, rootB));

        ImportReport again = importList("os-roots", TestPki.writePem(dir, "one.pem", rootA));

        assertThat(again.trustEntriesRemoved()).isEqualTo(1);
        assertThat(GraphTuples.trusts()).containsExactly("os-roots -> " + rootA.sha1() + " (Root)");
        assertThat(graph.certificate(rootB.sha1())).isPresent();
    }

    @Test
    void anotherListIsLeftAlone() {
        importList("os-roots", TestPki.writePem(dir, "a.pem", rootA));
        importList("java-cacerts", TestPki.writePem(dir, "b.pem", rootB));

        importList("os-roots", TestPki.writePem(dir, "a2.pem", rootB));

        assertThat(GraphTuples.trusts()).isEqualTo(Set.of(
                "os-roots -> " + rootB.sha1() + " (Root)",
                "java-cacerts -> " + rootB.sha1() + " (Root)"));
    }

    @Test
    void aListKeepsItsEntriesWhenAFileCannotBeRead() throws Exception {
        importList("os-roots", TestPki.writePem(dir, "both.pem", rootA, rootB));
        Path folder = Files.createDirectories(dir.resolve("partial"));
        TestPki.writePem(folder, "a.pem", rootA);
        Files.writeString(folder.resolve("b.pem"), "-----BEGIN CERTIFICATE-----\n!!!\n");

        ImportReport report = importList("os-roots", folder);

        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("b.pem"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("nothing that trust-list:os-roots stated before was withdrawn"));
        assertThat(report.trustEntriesRemoved()).isZero();
        assertThat(GraphTuples.trusts()).hasSize(2);
    }

    @Test
    void theSameCertificateInManyFilesIsOneNode() {
        TestPki.writePem(dir, "one.pem", rootA);
        TestPki.writeDer(dir, "two.cer", rootA);
        TestPki.writePkcs7(dir, "three.p7b", rootA, rootB);

        ImportReport report = graph.importCertificates(ImportRequest.of(List.of(dir)),
                ImportProgress.NONE);

        assertThat(report.filesRead()).isEqualTo(3);
        assertThat(report.certificatesRead()).isEqualTo(2);
        assertThat(TestNeo4j.count("MATCH (c:Certificate) RETURN count(c)")).isEqualTo(2);
    }

    @Test
    void aMissingPathIsAProblemAndTheRestIsLoaded() {
        Path good = TestPki.writePem(dir, "a.pem", rootA);

        ImportReport report = graph.importCertificates(
                ImportRequest.of(List.of(good, dir.resolve("missing"))), ImportProgress.NONE);

        assertThat(report.certificatesNew()).isEqualTo(1);
        assertThat(report.problems()).singleElement().asString()
                .contains("missing").contains("no such file or folder");
    }

    private ImportReport importList(String id, Path path) {
        return graph.importCertificates(new ImportRequest(List.of(path), id, "Root", null),
                ImportProgress.NONE);
    }
}
