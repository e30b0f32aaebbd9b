package org.certgraph.sources.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import org.certgraph.cert.CertificateFacts;
import org.certgraph.samples.CertStoreExportWriter;
import org.certgraph.samples.CertStoreExportWriter.Entry;
import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.certgraph.testing.TestPki;
import org.certgraph.testing.TestPki.TestCert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertStoreReaderTest {

    private static final CertStoreReader READER = new CertStoreReader();

    @TempDir
    Path dir;

    private static Path fixture(String name) throws Exception {
        return Path.of(CertStoreReaderTest.class.getResource("/windows/" + name).toURI());
    }

    private static CollectingSink read(Path file, ReadOptions options) throws Exception {
        CollectingSink sink = new CollectingSink();
        READER.read(file, options, sink);
        return sink;
    }

    private static ReadOptions server(String fqdn) {
        return new ReadOptions(fqdn, null, null);
    }

    @Test
    void fullObjectExportWithTypeLineGivesReferencesInTheNamedStore() throws Exception {
        CollectingSink sink = read(fixture("fe01.contoso.com-Root.csv"), ReadOptions.NONE);

        assertThat(sink.sourceId).isEqualTo("store:fe01.contoso.com:Root");
        assertThat(sink.nodes(Model.SERVER)).containsOnlyKeys("fe01.contoso.com");
        assertThat(sink.nodes(Model.TRUST_LIST).get("store:fe01.contoso.com:Root"))
                .containsEntry("kind", "store").containsEntry("server", "fe01.contoso.com")
                .containsEntry("store", "Root");
        assertThat(sink.tuples(Model.HAS_STORE))
                .containsExactly("fe01.contoso.com -HAS_STORE-> store:fe01.contoso.com:Root");
        assertThat(sink.certificateRefs).containsExactly(
                "A1B2C3D4E5F60718293A4B5C6D7E8F9001122334",
                "0F1E2D3C4B5A69788796A5B4C3D2E1F000112233");
        assertThat(sink.relationships).filteredOn(r -> r.type().equals(Model.TRUSTS))
                .allSatisfy(r -> assertThat(r.properties()).containsEntry("store", "Root"))
                .hasSize(2);
        assertThat(sink.certificates).isEmpty();
        assertThat(sink.problems).isEmpty();
    }

    @Test
    void utf16RemoteExportTakesServerFromPsComputerNameAndStoreFromParentPath()
            throws Exception {
        CollectingSink sink = read(fixture("remote-export.csv"), server("ignored.contoso.com"));

        assertThat(sink.sourceId).isEqualTo("store:fe02.contoso.com:CA");
        assertThat(sink.certificateRefs).containsExactly(
                "5D3B1F00AABBCCDDEEFF00112233445566778899",
                "11223344556677889900AABBCCDDEEFF00112233");
    }

    @Test
    void windowsPowerShellJsonWithMsDatesAndInvisibleMarksNeedsOnlyTheServer()
            throws Exception {
        CollectingSink sink = read(fixture("root-ps51.json"), server("FE03.Contoso.COM"));

        assertThat(sink.sourceId).isEqualTo("store:fe03.contoso.com:Root");
        assertThat(sink.certificateRefs).containsExactly(
                "A1B2C3D4E5F60718293A4B5C6D7E8F9001122334",
                "0F1E2D3C4B5A69788796A5B4C3D2E1F000112233");
        assertThat(sink.problems).isEmpty();
    }

    @Test
    void missingServerIsRefusedWithTheHintAndNothingHandedOver() throws Exception {
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> READER.read(fixture("roots.csv"), ReadOptions.NONE, sink))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("roots.csv")
                .hasMessageContaining("--server fe01.contoso.com");
        assertThat(sink.sourceId).isNull();
        assertThat(sink.nodes).isEmpty();
        assertThat(sink.problems).isEmpty();
    }

    @Test
    void missingStoreIsRefusedWithTheHint() throws Exception {
        assertThatThrownBy(() -> read(fixture("roots.csv"), server("fe01.contoso.com")))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("fe01.contoso.com-Root.csv");
    }

    @Test
    void base64RawDataInUtf16CsvGivesWholeCertificates() throws Exception {
        TestCert root = TestPki.root("CN=Store Root, O=\"Contoso, Ltd\", C=US").build();
        TestCert ca = root.intermediate("CN=Store CA").build();
        List<Entry> entries = List.of(entry(root, true), entry(ca, true));
        Path file = dir.resolve("fe01.contoso.com-CA.csv");
        Files.write(file, CertStoreExportWriter.bytes(
                CertStoreExportWriter.csv("CA", entries, true), true));

        CollectingSink sink = read(file, ReadOptions.NONE);

        assertThat(sink.sourceId).isEqualTo("store:fe01.contoso.com:CA");
        assertThat(sink.certificates).extracting(CertificateFacts::sha1)
                .containsExactly(root.sha1(), ca.sha1());
        assertThat(sink.certificateRefs).isEmpty();
        assertThat(sink.tuples(Model.TRUSTS)).containsExactly(
                "store:fe01.contoso.com:CA -TRUSTS-> " + root.sha1(),
                "store:fe01.contoso.com:CA -TRUSTS-> " + ca.sha1());
    }

    @Test
    void thumbprintOnlyEntriesBecomeReferences() throws Exception {
        TestCert root = TestPki.root("CN=Ref Root").build();
        TestCert other = TestPki.root("CN=Full Root").build();
        Path file = dir.resolve("fe01.contoso.com-Root.json");
        Files.writeString(file, CertStoreExportWriter.json("Root",
                List.of(entry(root, false), entry(other, true))));

        CollectingSink sink = read(file, ReadOptions.NONE);

        assertThat(sink.certificateRefs).containsExactly(root.sha1());
        assertThat(sink.certificates).extracting(CertificateFacts::sha1)
                .containsExactly(other.sha1());
        assertThat(sink.tuples(Model.TRUSTS)).hasSize(2);
    }

    @Test
    void isoDatedSingleObjectJsonIsOneEntry() throws Exception {
        TestCert root = TestPki.root("CN=Single Root").build();
        String json = CertStoreExportWriter.json("Root", List.of(entry(root, true)));
        Path file = dir.resolve("fe01.contoso.com-Root.json");
        Files.writeString(file, json);

        CollectingSink sink = read(file, ReadOptions.NONE);

        assertThat(json.strip()).startsWith("{").contains("\"NotAfter\" : \"20");
        assertThat(sink.certificates).extracting(CertificateFacts::sha1)
                .containsExactly(root.sha1());
    }

    @Test
    void rawDataAsArrayOfNumbersIsDecoded() throws Exception {
        TestCert root = TestPki.root("CN=Numbers Root").build();
        String numbers = java.util.stream.IntStream.range(0, root.der().length)
                .mapToObj(i -> Integer.toString(root.der()[i] & 0xFF))
                .collect(Collectors.joining(",\r\n        "));
        Path file = dir.resolve("fe01.contoso.com-Root.json");
        Files.writeString(file, "{\r\n    \"Thumbprint\":  \"" + root.sha1()
                + "\",\r\n    \"RawData\":  [\r\n        " + numbers + "\r\n    ]\r\n}\r\n");

        CollectingSink sink = read(file, ReadOptions.NONE);

        assertThat(sink.certificates).extracting(CertificateFacts::sha1)
                .containsExactly(root.sha1());
    }

    @Test
    void badRowIsReportedWithItsLineAndTheRestLoads() throws Exception {
        TestCert root = TestPki.root("CN=Good Root").build();
        String csv = "\"Thumbprint\",\"Subject\",\"RawData\"\r\n"
                + "\"NOT-A-THUMBPRINT\",\"CN=Broken\",\"System.Byte[]\"\r\n"
                + "\"" + root.sha1() + "\",\"CN=Good Root\",\""
                + Base64.getEncoder().encodeToString(root.der()) + "\"\r\n"
                + "\"0F1E2D3C4B5A69788796A5B4C3D2E1F000112233\",\"CN=Odd\",\"%%%\"\r\n";
        Path file = dir.resolve("fe01.contoso.com-Root.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        CollectingSink sink = read(file, ReadOptions.NONE);

        assertThat(sink.certificates).extracting(CertificateFacts::sha1)
                .containsExactly(root.sha1());
        assertThat(sink.certificateRefs)
                .containsExactly("0F1E2D3C4B5A69788796A5B4C3D2E1F000112233");
        assertThat(sink.problems).hasSize(2);
        assertThat(sink.problems.get(0).line()).isEqualTo(2);
        assertThat(sink.problems.get(0).message()).contains("fe01.contoso.com-Root.csv line 2")
                .contains("NOT-A-THUMBPRINT");
        assertThat(sink.problems.get(1).line()).isEqualTo(4);
        assertThat(sink.problems.get(1).message()).contains("Base64");
    }

    @Test
    void thumbprintThatDoesNotMatchTheBytesIsReported() throws Exception {
        TestCert root = TestPki.root("CN=Mismatch Root").build();
        Path file = dir.resolve("fe01.contoso.com-Root.csv");
        Files.writeString(file, "\"Thumbprint\",\"RawData\"\r\n"
                + "\"0F1E2D3C4B5A69788796A5B4C3D2E1F000112233\",\""
                + Base64.getEncoder().encodeToString(root.der()) + "\"\r\n");

        CollectingSink sink = read(file, ReadOptions.NONE);

        assertThat(sink.certificates).extracting(CertificateFacts::sha1)
                .containsExactly(root.sha1());
        assertThat(sink.problems).singleElement()
                .satisfies(p -> assertThat(p.message()).contains(root.sha1()));
    }

    @Test
    void storesOfSeveralServersInOneFileAreRefused() throws Exception {
        Path file = dir.resolve("all.csv");
        String thumbprint = "\"0F1E2D3C4B5A69788796A5B4C3D2E1F000112233\"";
        Files.writeString(file, "\"Thumbprint\",\"PSComputerName\",\"PSParentPath\"\r\n"
                + thumbprint + ",\"fe01.contoso.com\",\"x\\Root\"\r\n"
                + thumbprint + ",\"fe02.contoso.com\",\"x\\Root\"\r\n");

        assertThatThrownBy(() -> read(file, ReadOptions.NONE))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("fe01.contoso.com, fe02.contoso.com");
    }

    @Test
    void writtenExportsReadBackAsTheSameFactsInEveryShape() throws Exception {
        TestCert root = TestPki.root("CN=Trip Root, O=\"Contoso, Ltd\"").build();
        TestCert ca = root.intermediate("CN=Trip CA").build();
        List<Entry> entries = List.of(entry(root, true), entry(ca, false));
        Path csvUtf16 = dir.resolve("a").resolve("fe01.contoso.com-Root.csv");
        Path csvUtf8 = dir.resolve("b").resolve("fe01.contoso.com-Root.csv");
        Path json = dir.resolve("c").resolve("fe01.contoso.com-Root.json");
        for (Path p : List.of(csvUtf16, csvUtf8, json)) {
            Files.createDirectories(p.getParent());
        }
        Files.write(csvUtf16, CertStoreExportWriter.bytes(
                CertStoreExportWriter.csv("Root", entries, true), true));
        Files.write(csvUtf8, CertStoreExportWriter.bytes(
                CertStoreExportWriter.csv("Root", entries, false), false));
        Files.writeString(json, CertStoreExportWriter.json("Root", entries));

        List<String> expected = List.of("cert " + root.sha1(), "ref " + ca.sha1(),
                "store:fe01.contoso.com:Root -TRUSTS-> " + root.sha1(),
                "store:fe01.contoso.com:Root -TRUSTS-> " + ca.sha1());
        for (Path p : List.of(csvUtf16, csvUtf8, json)) {
            CollectingSink sink = read(p, ReadOptions.NONE);
            List<String> facts = new java.util.ArrayList<>();
            sink.certificates.forEach(c -> facts.add("cert " + c.sha1()));
            sink.certificateRefs.forEach(r -> facts.add("ref " + r));
            facts.addAll(sink.tuples(Model.TRUSTS));
            assertThat(facts).as(p.toString()).containsExactlyElementsOf(expected);
            assertThat(sink.problems).isEmpty();
        }
    }

    @Test
    void recognisesStoreListingsButNotCertificateAssignments() throws Exception {
        assertThat(READER.recognises(Files.readString(fixture("fe01.contoso.com-Root.csv"))))
                .isTrue();
        assertThat(READER.recognises(Files.readString(fixture("root-ps51.json")))).isTrue();
        assertThat(READER.recognises("Use        : Default\r\nThumbprint : AB\r\n")).isFalse();
        assertThat(READER.recognises("Identity : Global\r\n")).isFalse();
    }

    private static Entry entry(TestCert cert, boolean withRawData) {
        return Entry.of(org.certgraph.cert.CertificateParser.parse(cert.der()), withRawData);
    }
}
