package org.certgraph.sources.adcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.certgraph.cert.CertificateFacts;
import org.certgraph.samples.AdcsDumpWriter;
import org.certgraph.samples.AdcsDumpWriter.Language;
import org.certgraph.samples.AdcsDumpWriter.Row;
import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.CollectingSink.Rel;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.TextFiles;
import org.certgraph.testing.TestPki;
import org.certgraph.testing.TestPki.TestCert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdcsDumpReaderTest {

    // the certificates inside the fixture files of src/test/resources/adcs
    private static final String FE01 = "A6FD295BD9A9E018510AEDA2646BE5C45B8FB450";
    private static final String FE02 = "405B7F4983AAAA53A7434016948CA7A101A7A984";
    private static final String EDGE01 = "FFBA2EF08685BABC7F0AD5848DB192B3E58C6B6A";
    private static final String SIP = "42768501C2298B62AE5EE849F825DFF6E1229FFD";
    private static final String CA = "Contoso Issuing CA 1";
    private static final String WEB_OID =
            "1.3.6.1.4.1.311.21.8.5734392.6195358.14893705.12992936.3444946.62.11421045.9823587";
    private static final String LYNC_OID =
            "1.3.6.1.4.1.311.21.8.5734392.6195358.14893705.12992936.3444946.62.1.2";

    private static TestCert issuing;
    private static TestCert otherIssuing;
    private static TestCert web1;
    private static TestCert web2;
    private static TestCert web3;

    @TempDir
    Path dir;

    private final AdcsDumpReader reader = new AdcsDumpReader();

    @BeforeAll
    static void makePki() {
        Instant from = Instant.parse("2025-05-20T08:30:00Z");
        TestCert root = TestPki.root("CN=Fabrikam Root, O=Fabrikam").build();
        issuing = root.intermediate("CN=Fabrikam Issuing CA, O=Fabrikam").build();
        otherIssuing = root.intermediate("CN=Fabrikam Old CA, O=Fabrikam").build();
        web1 = issuing.leaf("CN=web1.fabrikam.test").validity(from, from.plus(Duration.ofDays(
                365))).build();
        web2 = issuing.leaf("CN=web2.fabrikam.test").validity(from, from.plus(Duration.ofDays(
                400))).build();
        web3 = issuing.leaf("CN=web3.fabrikam.test").validity(from, from.plus(Duration.ofDays(
                500))).build();
    }

    // ------------------------------------------------------------------- fixtures

    @Test
    void englishHeadersAndUsDatesAreRead() throws Exception {
        CollectingSink sink = read(fixture("adcs-en.csv"), ReadOptions.NONE);

        assertFixtureFacts(sink);
    }

    @Test
    void germanHeadersAndDatesAreRead() throws Exception {
        CollectingSink sink = read(fixture("adcs-de.csv"), ReadOptions.NONE);

        assertFixtureFacts(sink);
    }

    @Test
    void frenchHeadersAndDatesAreRead() throws Exception {
        CollectingSink sink = read(fixture("adcs-fr.csv"), ReadOptions.NONE);

        assertFixtureFacts(sink);
    }

    @Test
    void utf16WithByteOrderMarkAndCrlfIsRead() throws Exception {
        String text = Files.readString(fixture("adcs-en.csv"));
        assertThat(text).contains("\r\n");
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Path file = TestPki.write(dir, "ca01-unicode.csv", bytes);

        assertThat(reader.recognises(TextFiles.head(file, 4096))).isTrue();
        assertFixtureFacts(read(file, ReadOptions.NONE));
    }

    private static void assertFixtureFacts(CollectingSink sink) {
        assertThat(sink.problems).isEmpty();
        assertThat(sink.sourceId).isEqualTo("adcs:" + CA);
        assertThat(sink.certificates).extracting(CertificateFacts::sha1)
                .containsExactly(FE01, FE02, EDGE01);
        assertThat(sink.certificateRefs).containsExactly(SIP);
        assertThat(sink.nodes(Model.AUTHORITY)).containsExactly(Map.entry(CA, Map.of(
                "pendingRequests", 1L, "failedRequests", 1L, "deniedRequests", 1L)));
        assertThat(sink.tuples(Model.ISSUED)).containsExactly(CA + " -ISSUED-> " + FE01,
                CA + " -ISSUED-> " + FE02, CA + " -ISSUED-> " + EDGE01, CA + " -ISSUED-> " + SIP);

        assertThat(issued(sink, FE01)).isEqualTo(Map.of("requestId", 2L, "disposition",
                "Issued", "requester", "CONTOSO\\FE01$"));
        assertThat(issued(sink, FE02)).isEqualTo(Map.of("requestId", 3L, "disposition",
                "Revoked", "requester", "CONTOSO\\FE02$",
                "revokedAt", Instant.parse("2025-06-02T16:17:00Z")));
        assertThat(issued(sink, SIP)).isEqualTo(Map.of("requestId", 8L, "disposition",
                "Issued", "requester", "CONTOSO\\SIPPOOL$", "serialNumber", "10062BB4257A",
                "commonName", "sip.contoso.com",
                "notBefore", Instant.parse("2025-04-22T09:56:00Z"),
                "notAfter", Instant.parse("2027-04-22T09:56:00Z")));

        assertThat(sink.nodes(Model.TEMPLATE)).containsOnly(
                Map.entry("WebServer", Map.of()),
                Map.entry("Lync Server Web", Map.of("oid", WEB_OID)),
                Map.entry("Lync Server", Map.of("oid", LYNC_OID)));
        assertThat(sink.tuples(Model.FROM_TEMPLATE)).containsExactly(
                FE01 + " -FROM_TEMPLATE-> WebServer",
                FE02 + " -FROM_TEMPLATE-> Lync Server Web",
                EDGE01 + " -FROM_TEMPLATE-> Lync Server Web",
                SIP + " -FROM_TEMPLATE-> Lync Server");
    }

    // ---------------------------------------------------------------------- dates

    @Test
    void ambiguousDatesAreRefusedWithTheFormatHint() throws Exception {
        Path file = write("ambiguous.csv", header()
                + "\"11\",\"CONTOSO\\web1$\",\"" + hash(web1) + "\",\"3/4/2025 10:00\",\"20"
                + " -- Issued\"\r\n"
                + "\"12\",\"CONTOSO\\web2$\",\"" + hash(web2) + "\",\"5/6/2025 11:30\",\"20"
                + " -- Issued\"\r\n");
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> reader.read(file, new ReadOptions(null, null, CA), sink))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("ambiguous.csv")
                .hasMessageContaining("\"3/4/2025 10:00\" in row 1")
                .hasMessageContaining("--date-format \"dd/MM/yyyy HH:mm\"");
        assertThat(sink.sourceId).isNull();
        assertThat(sink.relationships).isEmpty();
        assertThat(sink.nodes).isEmpty();
    }

    @Test
    void theDateFormatOptionDecidesAmbiguousDates() throws Exception {
        Path file = write("ambiguous.csv", header()
                + "\"11\",\"CONTOSO\\web1$\",\"" + hash(web1) + "\",\"3/4/2025 10:00\",\"21"
                + " -- Revoked\"\r\n");

        CollectingSink sink = read(file, new ReadOptions(null, "d/M/yyyy HH:mm", CA));

        assertThat(sink.problems).isEmpty();
        assertThat(sink.relationships.get(0).properties())
                .containsEntry("revokedAt", Instant.parse("2025-04-03T10:00:00Z"));
    }

    @Test
    void datesThatContradictEachOtherAreRefused() throws Exception {
        Path file = write("mixed.csv", header()
                + "\"11\",\"CONTOSO\\web1$\",\"" + hash(web1) + "\",\"13/4/2025 10:00\",\"21"
                + " -- Revoked\"\r\n"
                + "\"12\",\"CONTOSO\\web2$\",\"" + hash(web2) + "\",\"4/13/2025 10:00\",\"21"
                + " -- Revoked\"\r\n");

        assertThatThrownBy(() -> read(file, new ReadOptions(null, null, CA)))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("contradict")
                .hasMessageContaining("--date-format");
    }

    @Test
    void dottedDatesAreDayFirstEvenWhenEveryDayIsTwelveOrLess() {
        AdcsDates.Evidence evidence = new AdcsDates.Evidence();
        evidence.see("03.04.2025 10:00", 1);

        AdcsDates dates = AdcsDates.ofOrder(evidence.decide());

        assertThat(dates.parse("03.04.2025 10:00")).isEqualTo(Instant.parse(
                "2025-04-03T10:00:00Z"));
        assertThat(dates.parse("2025-04-03 10:00")).isEqualTo(Instant.parse(
                "2025-04-03T10:00:00Z"));
    }

    @Test
    void twelveHourTimesAreReadWithSecondsOrWithout() {
        AdcsDates dates = AdcsDates.ofOrder(AdcsDates.Order.MONTH_FIRST);

        assertThat(dates.parse("12/31/2026 12:04 AM")).isEqualTo(Instant.parse(
                "2026-12-31T00:04:00Z"));
        assertThat(dates.parse("12/31/2026 3:04:59 PM")).isEqualTo(Instant.parse(
                "2026-12-31T15:04:59Z"));
    }

    // ------------------------------------------------------------------ bad rows

    @Test
    void aBadRowIsReportedWithItsLineAndTheRestStillLoads() throws Exception {
        String text = dump(Language.ENGLISH,
                new Row(21, "CONTOSO\\web1$", "web1.fabrikam.test", "WebServer", web1.der(),
                        AdcsDumpWriter.ISSUED, null),
                new Row(22, "CONTOSO\\web2$", "web2.fabrikam.test", "WebServer", web2.der(),
                        AdcsDumpWriter.ISSUED, null),
                new Row(23, "CONTOSO\\web3$", "web3.fabrikam.test", "WebServer", web3.der(),
                        AdcsDumpWriter.ISSUED, null));
        // row 1: a date that is no date; row 2: Base64 damaged inside the PEM block
        String damaged = text.replaceFirst("\"5/20/2025 8:30 AM\"", "\"5/20/2025 8h30\"");
        String[] web2Lines = web2.pem().split("\n");
        String web2Base64 = web2Lines[web2Lines.length - 3];
        damaged = damaged.replace(web2Base64, web2Base64.substring(0, 20) + "%%%"
                + web2Base64.substring(23));
        Path file = write("damaged.csv", damaged);

        CollectingSink sink = read(file, ReadOptions.NONE);

        assertThat(sink.certificates).extracting(CertificateFacts::sha1)
                .containsExactly(web3.sha1());
        assertThat(sink.problems).hasSize(2);
        int rowLines = web1.pem().split("\n").length + 1;
        assertThat(sink.problems.get(0).line()).isEqualTo(2);
        assertThat(sink.problems.get(0).message())
                .startsWith("damaged.csv: row 1 (line 2): ")
                .contains("Certificate Effective Date \"5/20/2025 8h30\"")
                .contains("--date-format");
        assertThat(sink.problems.get(1).line()).isEqualTo(2 + rowLines);
        assertThat(sink.problems.get(1).message())
                .startsWith("damaged.csv: row 2 (line " + (2 + rowLines) + "): ")
                .contains("Binary Certificate cannot be read")
                .contains("export the row again");
    }

    @Test
    void aHashThatIsNotTheCertificatesIsAProblemOfItsRow() throws Exception {
        Path file = write("mismatch.csv", "\"Request ID\",\"Certificate Hash\",\"Binary"
                + " Certificate\",\"Request Disposition\"\r\n"
                + "\"1\",\"" + hash(web2) + "\",\"" + pemCell(web1) + "\",\"20 -- Issued\"\r\n"
                + "\"2\",\"12 34\",EMPTY,\"20 -- Issued\"\r\n"
                + "\"3\",\"" + hash(web3) + "\",\"" + pemCell(web3) + "\",\"20 -- Issued\"\r\n");

        CollectingSink sink = read(file, ReadOptions.NONE);

        assertThat(sink.certificates).extracting(CertificateFacts::sha1)
                .containsExactly(web3.sha1());
        assertThat(sink.problems).extracting(CollectingSink.Problem::message)
                .satisfiesExactly(
                        m -> assertThat(m).contains("row 1").contains("is not the SHA-1 of the"
                                + " Binary Certificate (" + web1.sha1() + ")"),
                        m -> assertThat(m).contains("row 2").contains("\"12 34\" is not a SHA-1"));
    }

    @Test
    void emptyCellsAndTrailerLinesAreNoProblems() throws Exception {
        Path file = write("trailer.csv", "\"Issued Request ID\",\"Requester Name\","
                + "\"Certificate Hash\",\"Certificate Template\",\"Revocation Date\","
                + "\"Request Disposition\"\r\n"
                + "\"31\",EMPTY,\"" + hash(web1) + "\",EMPTY,EMPTY,\"21 -- Revoked\"\r\n"
                + "\"32\",\"CONTOSO\\x\",EMPTY,\"User\",EMPTY,\"9 -- Pending\"\r\n"
                + "\r\n"
                + "CertUtil: -view command completed successfully.\r\n");

        CollectingSink sink = read(file, new ReadOptions(null, null, CA));

        assertThat(sink.problems).isEmpty();
        assertThat(sink.certificateRefs).containsExactly(web1.sha1());
        assertThat(sink.relationships).singleElement().satisfies(r -> assertThat(
                r.properties()).isEqualTo(Map.of("requestId", 31L, "disposition", "Revoked")));
        assertThat(sink.nodes(Model.AUTHORITY).get(CA)).containsEntry("pendingRequests", 1L);
        assertThat(sink.nodes(Model.TEMPLATE)).isEmpty();
    }

    @Test
    void aTemplateKnownOnlyByItsOidIsKeyedByTheOid() throws Exception {
        Path file = write("oid.csv", "\"Request ID\",\"Certificate Hash\",\"Certificate"
                + " Template\"\r\n\"1\",\"" + hash(web1) + "\",\"" + WEB_OID + "\"\r\n");

        CollectingSink sink = read(file, new ReadOptions(null, null, CA));

        assertThat(sink.nodes(Model.TEMPLATE)).containsExactly(Map.entry(WEB_OID,
                Map.of("oid", WEB_OID, "nameUnknown", true)));
        assertThat(sink.tuples(Model.FROM_TEMPLATE)).containsExactly(web1.sha1()
                + " -FROM_TEMPLATE-> " + WEB_OID);
        assertThat(sink.relationships.get(0).properties()).containsEntry("disposition",
                "Issued");
    }

    @Test
    void aCellWhoseQuoteNeverClosesRefusesTheWholeFileBeforeAnyFact() throws Exception {
        Path file = write("cut.csv", "\"Request ID\",\"Certificate Hash\"\r\n\"1\",\""
                + hash(web1) + "\"\r\n\"2\",\"ab cd\r\n");
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> reader.read(file, new ReadOptions(null, null, CA), sink))
                .isInstanceOf(SourceReadException.class)
                .hasMessageStartingWith("cut.csv cannot be read as CSV")
                .hasMessageContaining("export it again");
        assertThat(sink.sourceId).isNull();
    }

    @Test
    void theDispositionMessageIsKeptWhenTheColumnIsThere() throws Exception {
        Path file = write("message.csv", "\"Request ID\",\"Certificate Hash\",\"Request"
                + " Disposition\",\"Request Disposition Message\"\r\n\"1\",\"" + hash(web1)
                + "\",\"21 -- Revoked\",\"Revoked by CONTOSO\\pkiadmin\"\r\n");

        CollectingSink sink = read(file, new ReadOptions(null, null, CA));

        assertThat(sink.relationships.get(0).properties()).containsEntry("dispositionMessage",
                "Revoked by CONTOSO\\pkiadmin").containsEntry("disposition", "Revoked");
    }

    @Test
    void aBinaryCellThatShowsOnlyItsSizeFallsBackToTheHash() throws Exception {
        Path file = write("sizes.csv", "\"Request ID\",\"Certificate Hash\",\"Binary"
                + " Certificate\"\r\n\"1\",\"" + hash(web1) + "\",\"1657 Bytes\"\r\n");

        CollectingSink sink = read(file, new ReadOptions(null, null, CA));

        assertThat(sink.problems).isEmpty();
        assertThat(sink.certificateRefs).containsExactly(web1.sha1());
    }

    // ------------------------------------------------------------------ authority

    @Test
    void withoutCertificatesTheAuthorityMustBeNamed() throws Exception {
        Path file = write("hashes.csv", "\"Request ID\",\"Certificate Hash\"\r\n\"1\",\""
                + hash(web1) + "\"\r\n");
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> reader.read(file, ReadOptions.NONE, sink))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("hashes.csv")
                .hasMessageContaining("--authority \"Contoso Issuing CA 1\"");
        assertThat(sink.sourceId).isNull();

        CollectingSink named = read(file, new ReadOptions(null, null, "Fabrikam Issuing CA"));
        assertThat(named.sourceId).isEqualTo("adcs:Fabrikam Issuing CA");
        assertThat(named.certificateRefs).containsExactly(web1.sha1());
    }

    @Test
    void certificatesOfDifferentIssuersNeedTheAuthorityNamed() throws Exception {
        TestCert stranger = otherIssuing.leaf("CN=old.fabrikam.test").build();
        Path file = write("two.csv", "\"Request ID\",\"Binary Certificate\"\r\n"
                + "\"1\",\"" + pemCell(web1) + "\"\r\n\"2\",\"" + pemCell(stranger) + "\"\r\n");

        assertThatThrownBy(() -> read(file, ReadOptions.NONE))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("Fabrikam Issuing CA, Fabrikam Old CA")
                .hasMessageContaining("--authority");
    }

    @Test
    void theCaCertificateRowLinksTheAuthorityToItsCertificate() throws Exception {
        Path file = write("cacert.csv", "\"Request ID\",\"Binary Certificate\",\"Request"
                + " Disposition\"\r\n"
                + "\"1\",\"" + pemCell(issuing) + "\",\"15 -- CA Cert\"\r\n"
                + "\"2\",\"" + pemCell(web1) + "\",\"20 -- Issued\"\r\n");

        CollectingSink sink = read(file, ReadOptions.NONE);

        assertThat(sink.sourceId).isEqualTo("adcs:Fabrikam Issuing CA");
        assertThat(sink.tuples(Model.HAS_CERTIFICATE)).containsExactly(
                "Fabrikam Issuing CA -HAS_CERTIFICATE-> " + issuing.sha1());
        assertThat(sink.tuples(Model.ISSUED)).containsExactly(
                "Fabrikam Issuing CA -ISSUED-> " + web1.sha1());
    }

    // ------------------------------------------------------------- recognising

    @Test
    void theHeaderLineIsRecognisedInEveryLanguage() throws Exception {
        for (String name : List.of("adcs-en.csv", "adcs-de.csv", "adcs-fr.csv")) {
            assertThat(reader.recognises(TextFiles.head(fixture(name), 4096))).as(name)
                    .isTrue();
        }
        assertThat(reader.recognises("\"RequestID\",\"Disposition\"\r\n")).isTrue();
        assertThat(reader.recognises("Thumbprint,Subject,NotAfter\r\n")).isFalse();
        assertThat(reader.recognises("-----BEGIN CERTIFICATE-----\nMIIB")).isFalse();
        assertThat(reader.recognises("")).isFalse();
    }

    @Test
    void aFileWithoutHashOrCertificateColumnsIsRefused() throws Exception {
        Path file = write("names.csv", "\"Issued Request ID\",\"Requester Name\"\r\n"
                + "\"1\",\"x\"\r\n");
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> reader.read(file, new ReadOptions(null, null, CA), sink))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("names.csv has neither a \"Certificate Hash\" nor a"
                        + " \"Binary Certificate\" column")
                .hasMessageContaining("certutil -view -out");
        assertThat(sink.sourceId).isNull();
    }

    // ---------------------------------------------------------------- round trip

    @Test
    void whatTheWriterWritesReadsBackAsTheSameFactsInEnglishAndGerman() throws Exception {
        Instant revoked = Instant.parse("2025-07-01T13:45:00Z");
        Row[] rows = {
            new Row(101, "CONTOSO\\web1$", "web1.fabrikam.test", "WebServer", web1.der(),
                    AdcsDumpWriter.ISSUED, null),
            new Row(102, "CONTOSO\\web2$", "web2.fabrikam.test", WEB_OID + " Lync Server Web",
                    web2.der(), AdcsDumpWriter.REVOKED, revoked),
            new Row(103, "CONTOSO\\jdoe", null, "User", null, AdcsDumpWriter.PENDING, null),
            new Row(104, "CONTOSO\\jdoe", null, "User", null, AdcsDumpWriter.FAILED, null),
            new Row(105, "CONTOSO\\eve", null, "User", null, AdcsDumpWriter.DENIED, null),
            new Row(106, "CONTOSO\\web3$", "web3.fabrikam.test", WEB_OID, web3.der(),
                    AdcsDumpWriter.ISSUED, null)};
        for (Language language : Language.values()) {
            Path file = dir.resolve("roundtrip-" + language + ".csv");
            try (AdcsDumpWriter writer = AdcsDumpWriter.create(file, language,
                    StandardCharsets.UTF_16LE)) {
                for (Row row : rows) {
                    writer.write(row);
                }
            }

            CollectingSink sink = read(file, ReadOptions.NONE);

            assertThat(sink.problems).as(language.name()).isEmpty();
            assertThat(sink.sourceId).isEqualTo("adcs:Fabrikam Issuing CA");
            assertThat(sink.certificates).extracting(CertificateFacts::der)
                    .containsExactly(web1.der(), web2.der(), web3.der());
            assertThat(sink.relationships).filteredOn(r -> r.type().equals(Model.ISSUED))
                    .extracting(Rel::toKey, Rel::properties)
                    .containsExactly(
                            tuple(web1.sha1(), Map.of("requestId",
                                    101L, "disposition", "Issued", "requester",
                                    "CONTOSO\\web1$")),
                            tuple(web2.sha1(), Map.of("requestId",
                                    102L, "disposition", "Revoked", "requester",
                                    "CONTOSO\\web2$", "revokedAt", revoked)),
                            tuple(web3.sha1(), Map.of("requestId",
                                    106L, "disposition", "Issued", "requester",
                                    "CONTOSO\\web3$")));
            assertThat(sink.tuples(Model.FROM_TEMPLATE)).containsExactly(
                    web1.sha1() + " -FROM_TEMPLATE-> WebServer",
                    web2.sha1() + " -FROM_TEMPLATE-> Lync Server Web",
                    web3.sha1() + " -FROM_TEMPLATE-> Lync Server Web");
            assertThat(sink.nodes(Model.AUTHORITY).get("Fabrikam Issuing CA")).isEqualTo(
                    Map.of("pendingRequests", 1L, "failedRequests", 1L, "deniedRequests", 1L));
        }
    }

    // ------------------------------------------------------------------- helpers

    private CollectingSink read(Path file, ReadOptions options) throws SourceReadException {
        CollectingSink sink = new CollectingSink();
        reader.read(file, options, sink);
        return sink;
    }

    private static Map<String, Object> issued(CollectingSink sink, String sha1) {
        return sink.relationships.stream()
                .filter(r -> r.type().equals(Model.ISSUED) && r.toKey().equals(sha1))
                .findFirst().orElseThrow().properties();
    }

    private Path fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/adcs/" + name)) {
            assertThat(in).as(name).isNotNull();
            return TestPki.write(dir, name, in.readAllBytes());
        }
    }

    private Path write(String name, String text) {
        return TestPki.write(dir, name, text);
    }

    private static String header() {
        return "\"Issued Request ID\",\"Requester Name\",\"Certificate Hash\",\"Revocation"
                + " Date\",\"Request Disposition\"\r\n";
    }

    private static String hash(TestCert cert) {
        return cert.sha1().toLowerCase(Locale.ROOT).replaceAll("(..)(?!$)", "$1 ");
    }

    private static String pemCell(TestCert cert) {
        return cert.pem().replace("\n", "\r\n");
    }

    private static String dump(Language language, Row... rows) throws IOException {
        StringWriter out = new StringWriter();
        try (AdcsDumpWriter writer = new AdcsDumpWriter(out, language)) {
            for (Row row : rows) {
                writer.write(row);
            }
        }
        return out.toString();
    }
}
