package org.certgraph.sources.adcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.certgraph.samples.TemplatesWriter;
import org.certgraph.samples.TemplatesWriter.Template;
import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.TextFiles;
import org.certgraph.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesReaderTest {

    private static final String WEB_OID =
            "1.3.6.1.4.1.311.21.8.5734392.6195358.14893705.12992936.3444946.62.11421045.9823587";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @TempDir
    Path dir;

    private final TemplatesReader reader = new TemplatesReader();

    @Test
    void certutilTemplateTextGivesEveryTemplateWithItsProperties() throws Exception {
        CollectingSink sink = read(fixture("templates.txt"));

        assertThat(sink.problems).isEmpty();
        assertThat(sink.sourceId).isEqualTo("templates");
        Map<String, Map<String, Object>> templates = sink.nodes(Model.TEMPLATE);
        assertThat(templates).containsOnlyKeys("WebServer", "LyncServerWeb", "SubCA");
        assertThat(templates.get("WebServer")).isEqualTo(Map.of(
                "displayName", "Web Server",
                "oid", "1.3.6.1.4.1.311.21.8.5734392.6195358.14893705.12992936.3444946.62.1.16",
                "schemaVersion", 1L, "minimumKeySize", 2048L, "ekus", List.of(SERVER_AUTH),
                "validity", "2 Years", "validityDays", 730L));
        assertThat(templates.get("LyncServerWeb")).containsEntry("oid", WEB_OID)
                .containsEntry("displayName", "Lync Server Web")
                .containsEntry("schemaVersion", 2L)
                .containsEntry("ekus", List.of(SERVER_AUTH, CLIENT_AUTH));
        assertThat(templates.get("SubCA")).containsEntry("ekus", List.of())
                .containsEntry("minimumKeySize", 4096L)
                .containsEntry("validityDays", 1825L);
    }

    @Test
    void utf16OutputOfPowerShellIsRead() throws Exception {
        String text = Files.readString(fixture("templates.txt"));
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Path file = TestPki.write(dir, "templates-unicode.txt", bytes);

        assertThat(reader.recognises(TextFiles.head(file, 8192))).isTrue();
        assertThat(read(file).nodes(Model.TEMPLATE)).containsOnlyKeys("WebServer",
                "LyncServerWeb", "SubCA");
    }

    @Test
    void anLdifdeExportGivesTheSameProperties() throws Exception {
        CollectingSink sink = read(fixture("templates.ldf"));

        assertThat(sink.problems).isEmpty();
        Map<String, Map<String, Object>> templates = sink.nodes(Model.TEMPLATE);
        assertThat(templates).containsOnlyKeys("WebServer", "LyncServerWeb");
        assertThat(templates.get("WebServer")).isEqualTo(Map.of(
                "displayName", "Web Server",
                "oid", "1.3.6.1.4.1.311.21.8.5734392.6195358.14893705.12992936.3444946.62.1.16",
                "schemaVersion", 1L, "minimumKeySize", 2048L, "ekus", List.of(SERVER_AUTH),
                "validity", "2 Years", "validityDays", 730L));
        assertThat(templates.get("LyncServerWeb")).containsEntry("displayName",
                "Lync Server Web").containsEntry("oid", WEB_OID)
                .containsEntry("ekus", List.of(SERVER_AUTH, CLIENT_AUTH))
                .containsEntry("validity", "1 Years").containsEntry("validityDays", 365L);
    }

    @Test
    void whatTheWriterWritesReadsBackAsTheSameTemplates() throws Exception {
        List<Template> written = List.of(
                new Template("WebServer", "Web Server", "1.3.6.1.4.1.311.21.8.1.2.3.1.16", 1,
                        2048, List.of(SERVER_AUTH), "2 Years"),
                new Template("ContosoOcsp", "Contoso OCSP Signing", WEB_OID, 4, 256,
                        List.of("1.3.6.1.5.5.7.3.9"), "6 Weeks"),
                new Template("SubCA", "Subordinate Certification Authority",
                        "1.3.6.1.4.1.311.21.8.1.2.3.1.18", 1, 4096, List.of(), "5 Years"));
        StringWriter out = new StringWriter();
        TemplatesWriter.write(out, written);
        Path file = TestPki.write(dir, "written.txt", out.toString());

        CollectingSink sink = read(file);

        assertThat(sink.problems).isEmpty();
        for (Template t : written) {
            assertThat(sink.nodes(Model.TEMPLATE).get(t.name())).as(t.name()).isEqualTo(Map.of(
                    "displayName", t.displayName(), "oid", t.oid(),
                    "schemaVersion", (long) t.schemaVersion(),
                    "minimumKeySize", (long) t.minimumKeySize(), "ekus", t.ekus(),
                    "validity", t.validity(),
                    "validityDays", t.validity().startsWith("6") ? 42L
                            : Long.parseLong(t.validity().substring(0, 1)) * 365));
        }
    }

    @Test
    void aTemplateWithABadValueIsLoadedWithoutItAndReported() throws Exception {
        Path file = TestPki.write(dir, "odd.txt", "  Template[0]:\n"
                + "  TemplatePropCommonName = Odd\n"
                + "  TemplatePropMinimumKeySize = lots\n"
                + "  TemplatePropValidityPeriod = forever\n"
                + "\n  Template[1]:\n"
                + "  TemplatePropFriendlyName = Nameless\n");

        CollectingSink sink = read(file);

        assertThat(sink.nodes(Model.TEMPLATE)).containsOnlyKeys("Odd");
        assertThat(sink.nodes(Model.TEMPLATE).get("Odd")).doesNotContainKeys("minimumKeySize",
                "validity");
        assertThat(sink.problems).extracting(CollectingSink.Problem::line).containsExactly(1L,
                6L);
        assertThat(sink.problems.get(0).message()).startsWith("odd.txt: template \"Odd\" (line"
                + " 1): ").contains("TemplatePropMinimumKeySize \"lots\" (line 3)")
                .contains("\"forever\" (line 4)");
        assertThat(sink.problems.get(1).message()).contains("has no name");
    }

    @Test
    void aFileWithoutTemplatesIsRefusedBeforeAnyFact() {
        Path failed = TestPki.write(dir, "failed.txt", "CertUtil: -Template command FAILED:"
                + " 0x8007054b (WIN32: 1355 ERROR_NO_SUCH_DOMAIN)\r\n");
        Path other = TestPki.write(dir, "other.txt", "nothing here\r\n");
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> reader.read(failed, ReadOptions.NONE, sink))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("no certificate templates");
        assertThatThrownBy(() -> reader.read(other, ReadOptions.NONE, sink))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("certutil -v -template");
        assertThat(sink.sourceId).isNull();
    }

    @Test
    void onlyTemplateExportsAreRecognised() throws Exception {
        assertThat(reader.recognises(Files.readString(fixture("templates.txt")))).isTrue();
        assertThat(reader.recognises(Files.readString(fixture("templates.ldf")))).isTrue();
        assertThat(reader.recognises(Files.readString(fixture("ca-templates.txt")))).isFalse();
        assertThat(reader.recognises(Files.readString(fixture("adcs-en.csv")))).isFalse();
    }

    @Test
    void validityPeriodsInOtherLanguagesAreCounted() {
        assertThat(TemplatesReader.unitDays("Jahre")).isEqualTo(365);
        assertThat(TemplatesReader.unitDays("ans")).isEqualTo(365);
        assertThat(TemplatesReader.unitDays("Wochen")).isEqualTo(7);
        assertThat(TemplatesReader.unitDays("fortnights")).isNull();
        assertThat(TemplatesReader.periodText(14 * 86_400)).isEqualTo("2 Weeks");
    }

    private CollectingSink read(Path file) throws SourceReadException {
        CollectingSink sink = new CollectingSink();
        reader.read(file, ReadOptions.NONE, sink);
        return sink;
    }

    private Path fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/adcs/" + name)) {
            assertThat(in).as(name).isNotNull();
            return TestPki.write(dir, name, in.readAllBytes());
        }
    }
}
