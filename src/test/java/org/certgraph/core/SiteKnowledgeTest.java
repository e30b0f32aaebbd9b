package org.certgraph.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.certgraph.testing.TestNeo4j;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's firmware knowledge applies to firmware already in the graph and to later imports. */
class SiteKnowledgeTest {

    @TempDir
    Path dir;

    private CertGraph graph;

    @BeforeEach
    void emptyGraph() {
        graph = TestNeo4j.emptyGraph();
    }

    @Test
    void aKnowledgeFileImportedOnItsOwnJudgesTheFirmwareAgainAndIsKept() throws Exception {
        Path phones = Files.writeString(dir.resolve("phones.csv"),
                "Model,Firmware,Pool,Count\r\nHP 4120,4.0.7577.4420,pool01.contoso.com,40\r\n");
        Path site = Files.writeString(dir.resolve("site-knowledge.yaml"), """
                certgraph-knowledge: 1
                settings:
                  lpeSha256FromVersion:
                    value: 4.0.7577.4400
                    source: site decision (test)
                """);

        importing(phones);
        assertThat(known()).containsExactly("false");

        ImportReport report = importing(site);
        assertThat(report.knowledge()).hasSize(1);
        assertThat(known()).containsExactly("true");
        assertThat(TestNeo4j.strings("MATCH (f:Firmware) RETURN reduce(s = '', h IN "
                + "f.signatureHashes | s + h + ' ')")).containsExactly("SHA1 SHA256 ");

        importing(phones);
        assertThat(known()).containsExactly("true");
    }

    private ImportReport importing(Path path) {
        ImportReport report = graph.importCertificates(ImportRequest.of(List.of(path)),
                ImportProgress.NONE);
        assertThat(report.problems()).isEmpty();
        return report;
    }

    private static List<String> known() {
        return TestNeo4j.strings("MATCH (f:Firmware) RETURN toString(f.signatureHashesKnown)");
    }
}
