package org.certgraph.sources.adcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.certgraph.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaTemplatesReaderTest {

    private static final String CA = "Contoso Issuing CA 1";

    @TempDir
    Path dir;

    private final CaTemplatesReader reader = new CaTemplatesReader();

    @Test
    void everyListedTemplateIsPublishedByTheNamedAuthority() throws Exception {
        CollectingSink sink = new CollectingSink();
        reader.read(fixture("ca-templates.txt"), new ReadOptions(null, null, CA), sink);

        assertThat(sink.problems).isEmpty();
        assertThat(sink.sourceId).isEqualTo("ca-templates:" + CA);
        assertThat(sink.nodes(Model.AUTHORITY)).containsOnlyKeys(CA);
        assertThat(sink.nodes(Model.TEMPLATE)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "WebServer", Map.of("displayName", "Web Server"),
                "LyncServerWeb", Map.of("displayName", "Lync Server Web"),
                "SubCA", Map.of("displayName", "Subordinate Certification Authority"),
                "Machine", Map.of("displayName", "Computer")));
        assertThat(sink.tuples(Model.PUBLISHES)).containsExactly(
                CA + " -PUBLISHES-> WebServer", CA + " -PUBLISHES-> LyncServerWeb",
                CA + " -PUBLISHES-> SubCA", CA + " -PUBLISHES-> Machine");
    }

    @Test
    void withoutTheAuthorityOptionTheFileIsRefusedWithTheHint() throws Exception {
        Path file = fixture("ca-templates.txt");
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> reader.read(file, ReadOptions.NONE, sink))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("ca-templates.txt")
                .hasMessageContaining("--authority \"Contoso Issuing CA 1\"");
        assertThat(sink.sourceId).isNull();
    }

    @Test
    void aTranscriptNamesTheAuthorityByTheConfigArgumentAndOddLinesAreReported()
            throws Exception {
        CollectingSink sink = new CollectingSink();
        reader.read(fixture("ca-templates-transcript.txt"), ReadOptions.NONE, sink);

        assertThat(sink.sourceId).isEqualTo("ca-templates:" + CA);
        assertThat(sink.tuples(Model.PUBLISHES)).containsExactly(
                CA + " -PUBLISHES-> WebServer", CA + " -PUBLISHES-> LyncServerWeb");
        assertThat(sink.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).startsWith("ca-templates-transcript.txt: line 4 \"this line"
                    + " was typed by hand\" is not a template line");
        });
    }

    @Test
    void aFailedCommandIsRefused() {
        Path file = TestPki.write(dir, "failed.txt", "CertUtil: -CATemplates command FAILED:"
                + " 0x800706ba (WIN32: 1722 RPC_S_SERVER_UNAVAILABLE)\r\n");

        assertThatThrownBy(() -> reader.read(file, new ReadOptions(null, null, CA),
                new CollectingSink()))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("failed.txt line 1: certutil failed");
    }

    @Test
    void onlyCaTemplateListsAreRecognised() throws Exception {
        assertThat(reader.recognises(Files.readString(fixture("ca-templates.txt")))).isTrue();
        assertThat(reader.recognises("WebServer: Web Server -- Auto-Enroll\r\n")).isTrue();
        assertThat(reader.recognises(Files.readString(fixture("templates.txt")))).isFalse();
        assertThat(reader.recognises("WebServer: Web Server -- Auto-Enroll\r\n"
                + "CertUtil: -Template command completed successfully.\r\n")).isFalse();
        assertThat(reader.recognises(Files.readString(fixture("adcs-en.csv")))).isFalse();
    }

    private Path fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/adcs/" + name)) {
            assertThat(in).as(name).isNotNull();
            return TestPki.write(dir, name, in.readAllBytes());
        }
    }
}
