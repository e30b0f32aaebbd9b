package org.certgraph.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.certgraph.testing.TestPki;
import org.certgraph.testing.TestPki.TestCert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateReaderTest {

    private static final char[] PASSWORD = "s3cret-Pfx".toCharArray();

    private static TestCert root;
    private static TestCert ca;
    private static TestCert leaf;

    @TempDir
    Path dir;

    private final CertificateReader reader = new CertificateReader();

    @BeforeAll
    static void makeChain() {
        root = TestPki.root("CN=Reader Root, O=certgraph").build();
        ca = root.intermediate("CN=Reader CA, O=certgraph").build();
        leaf = ca.leaf("CN=reader.example.test").dns("reader.example.test").build();
    }

    private static List<String> sha1s(ReadResult result) {
        return result.certificates().stream().map(CertificateFacts::sha1).toList();
    }

    private static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    // ---------------------------------------------------------------------------- PEM

    @Test
    void readsPemWithSeveralCertificatesAndTextAround() {
        Path file = TestPki.write(dir, "chain.pem", "Chain for the test server\n\n"
                + TestPki.pem(leaf, ca) + "some trailing notes\n" + root.pem());

        ReadResult result = reader.read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.format()).isEqualTo("PEM");
        assertThat(result.source()).isEqualTo(file.toString());
        assertThat(sha1s(result)).containsExactly(leaf.sha1(), ca.sha1(), root.sha1());
    }

    @Test
    void readsPemWithBagAttributesAndNoFinalNewline() {
        String text = "Bag Attributes\n"
                + "    localKeyID: 01 02 03 04\n"
                + "    friendlyName: reader\n"
                + "subject=CN = reader.example.test\n"
                + "issuer=O = certgraph, CN = Reader CA\n"
                + leaf.pem()
                + "Bag Attributes: <No Attributes>\n"
                + "subject=/O=certgraph/CN=Reader CA\n"
                + "issuer=/O=certgraph/CN=Reader Root\n"
                + ca.pem().stripTrailing();

        ReadResult result = reader.read("bags.pem", text.getBytes(StandardCharsets.US_ASCII));

        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(leaf.sha1(), ca.sha1());
    }

    @Test
    void readsPemWithCrlfLineEnds() {
        byte[] content = crlf(TestPki.pem(leaf, ca)).getBytes(StandardCharsets.US_ASCII);

        ReadResult result = reader.read("crlf.pem", content);

        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(leaf.sha1(), ca.sha1());
    }

    @Test
    void readsX509AndTrustedCertificateBlocksWithAuxData() throws IOException {
        ByteArrayOutputStream trusted = new ByteArrayOutputStream();
        trusted.write(root.der());
        // openssl's trust settings after the certificate: a SEQUENCE of trusted purposes.
        trusted.write(new byte[] {0x30, 0x0C, 0x30, 0x0A, 0x06, 0x08,
            0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01});
        String text = TestPki.pemBlock("TRUSTED CERTIFICATE", trusted.toByteArray())
                + TestPki.pemBlock("X509 CERTIFICATE", ca.der());

        ReadResult result = reader.read("trusted.pem", text.getBytes(StandardCharsets.US_ASCII));

        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(root.sha1(), ca.sha1());
        assertThat(result.certificates().get(0).der()).isEqualTo(root.der());
    }

    @Test
    void skipsPrivateKeyBlocksWithoutKeepingThem() {
        String keyBody = Base64.getEncoder().encodeToString(
                leaf.keyPair().getPrivate().getEncoded());
        String text = TestPki.pemBlock("PRIVATE KEY", leaf.keyPair().getPrivate().getEncoded())
                + TestPki.pemBlock("RSA PRIVATE KEY", new byte[] {1, 2, 3})
                + "-----BEGIN ENCRYPTED PRIVATE KEY-----\nnot base64 at all!\n"
                + "-----END ENCRYPTED PRIVATE KEY-----\n"
                + leaf.pem();

        ReadResult result = reader.read("with-key.pem", text.getBytes(StandardCharsets.US_ASCII));

        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(leaf.sha1());
        assertThat(result.toString()).doesNotContain(keyBody.substring(0, 40));
    }

    @Test
    void reportsPemWithOnlyAPrivateKey() {
        String text = TestPki.pemBlock("PRIVATE KEY", leaf.keyPair().getPrivate().getEncoded());

        ReadResult result = reader.read("key.pem", text.getBytes(StandardCharsets.US_ASCII));

        assertThat(result.certificates()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .startsWith("key.pem: no certificate found")
                .contains("1 PRIVATE KEY block");
    }

    @Test
    void ignoresCrlAndCertificateRequestBlocks() {
        String text = TestPki.pemBlock("X509 CRL", new byte[] {0x30, 0x00})
                + TestPki.pemBlock("CERTIFICATE REQUEST", new byte[] {0x30, 0x00})
                + ca.pem();

        ReadResult result = reader.read("mixed.pem", text.getBytes(StandardCharsets.US_ASCII));

        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(ca.sha1());
    }

    @Test
    void reportsBrokenBase64WithBlockNumberAndLine() {
        String[] lines = leaf.pem().split("\n");
        lines[3] = lines[3].substring(0, 10) + "*#" + lines[3].substring(12);
        String text = ca.pem() + String.join("\n", lines) + "\n";

        ReadResult result = reader.read("broken.pem", text.getBytes(StandardCharsets.US_ASCII));

        assertThat(sha1s(result)).containsExactly(ca.sha1());
        assertThat(result.problems()).singleElement().asString()
                .startsWith("broken.pem: block 2 (CERTIFICATE, starting at line ")
                .contains("line " + (ca.pem().split("\n").length + 4))
                .contains("not Base64")
                .contains("copy the block again");
    }

    @Test
    void reportsPemBlockWithoutEndLine() {
        String pem = leaf.pem();
        String text = ca.pem() + pem.substring(0, pem.indexOf("-----END"));

        ReadResult result = reader.read("cut.pem", text.getBytes(StandardCharsets.US_ASCII));

        assertThat(sha1s(result)).containsExactly(ca.sha1());
        assertThat(result.problems()).singleElement().asString()
                .contains("block 2")
                .contains("no END line");
    }

    @Test
    void readsNextPemBlockAfterOneWithoutEndLine() {
        String pem = leaf.pem();
        String text = pem.substring(0, pem.indexOf("-----END")) + ca.pem();

        ReadResult result = reader.read("joined.pem", text.getBytes(StandardCharsets.US_ASCII));

        assertThat(sha1s(result)).containsExactly(ca.sha1());
        assertThat(result.problems()).singleElement().asString()
                .startsWith("joined.pem: block 1 (CERTIFICATE, starting at line 1) has no END");
    }

    @Test
    void reportsDamagedCertificateInsidePem() {
        byte[] der = leaf.der();
        String text = TestPki.pemBlock("CERTIFICATE", Arrays.copyOf(der, der.length - 20));

        ReadResult result = reader.read("short.pem", text.getBytes(StandardCharsets.US_ASCII));

        assertThat(result.certificates()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .startsWith("short.pem: block 1 (CERTIFICATE, starting at line 1) is damaged")
                .contains("cut short")
                .endsWith(".");
    }

    // ---------------------------------------------------------------------- text encodings

    @Test
    void readsUtf8WithBom() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        content.write(TestPki.pem(leaf).getBytes(StandardCharsets.UTF_8));

        ReadResult result = reader.read("bom.pem", content.toByteArray());

        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(leaf.sha1());
    }

    @Test
    void readsUtf16LeWithBom() {
        byte[] content = ("\uFEFF" + crlf(TestPki.pem(leaf, ca)))
                .getBytes(StandardCharsets.UTF_16LE);

        ReadResult result = reader.read(TestPki.write(dir, "unicode.cer", content));

        assertThat(content[0]).isEqualTo((byte) 0xFF);
        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(leaf.sha1(), ca.sha1());
    }

    @Test
    void readsUtf16BeWithBom() {
        byte[] content = ("\uFEFF" + TestPki.pem(root)).getBytes(StandardCharsets.UTF_16BE);

        ReadResult result = reader.read("big-endian.pem", content);

        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(root.sha1());
    }

    @Test
    void readsBareBase64WithCrlfLineBreaks() {
        String base64 = Base64.getMimeEncoder().encodeToString(leaf.der()) + "\r\n";

        ReadResult result = reader.read("bare.txt", base64.getBytes(StandardCharsets.US_ASCII));

        assertThat(base64).contains("\r\n");
        assertThat(result.problems()).isEmpty();
        assertThat(result.format()).isEqualTo("Base64");
        assertThat(sha1s(result)).containsExactly(leaf.sha1());
    }

    @Test
    void readsBareBase64OfPkcs7() {
        String base64 = Base64.getEncoder().encodeToString(TestPki.pkcs7(leaf, ca, root));

        ReadResult result = reader.read("bundle.b64", base64.getBytes(StandardCharsets.US_ASCII));

        assertThat(result.problems()).isEmpty();
        assertThat(result.format()).isEqualTo("Base64 PKCS#7");
        assertThat(sha1s(result)).containsExactlyInAnyOrder(leaf.sha1(), ca.sha1(), root.sha1());
    }

    // ---------------------------------------------------------------------------- DER, PKCS#7

    @Test
    void readsDerCertificate() {
        ReadResult result = reader.read(TestPki.writeDer(dir, "leaf.cer", leaf));

        assertThat(result.problems()).isEmpty();
        assertThat(result.format()).isEqualTo("DER");
        assertThat(result.certificates()).singleElement()
                .satisfies(f -> assertThat(f.der()).isEqualTo(leaf.der()));
    }

    @Test
    void sniffsFormatFromContentNotName() {
        ReadResult der = reader.read(TestPki.write(dir, "looks-like.pem", ca.der()));
        ReadResult pem = reader.read(TestPki.write(dir, "looks-like.der", ca.pem()));

        assertThat(der.format()).isEqualTo("DER");
        assertThat(pem.format()).isEqualTo("PEM");
        assertThat(sha1s(der)).containsExactly(ca.sha1());
        assertThat(sha1s(pem)).containsExactly(ca.sha1());
    }

    @Test
    void readsDerPkcs7Bundle() {
        ReadResult result = reader.read(TestPki.writePkcs7(dir, "chain.p7b", leaf, ca, root));

        assertThat(result.problems()).isEmpty();
        assertThat(result.format()).isEqualTo("PKCS#7");
        // DER sorts the SET OF certificates by encoding, so file order is not chain order.
        assertThat(sha1s(result)).containsExactlyInAnyOrder(leaf.sha1(), ca.sha1(), root.sha1());
    }

    @Test
    void readsBerIndefiniteLengthPkcs7() {
        byte[] ber = TestPki.pkcs7Ber(leaf, ca);

        ReadResult result = reader.read("chain.p7c", ber);

        assertThat(ber[1]).isEqualTo((byte) 0x80);
        assertThat(result.problems()).isEmpty();
        assertThat(result.format()).isEqualTo("PKCS#7");
        assertThat(sha1s(result)).containsExactly(leaf.sha1(), ca.sha1());
        assertThat(result.certificates().get(0).der()).isEqualTo(leaf.der());
    }

    @Test
    void readsPkcs7BlockInsidePem() {
        String text = "-----BEGIN PKCS7-----\r\n" + Base64.getMimeEncoder().encodeToString(
                TestPki.pkcs7(ca, root)) + "\r\n-----END PKCS7-----";

        ReadResult result = reader.read("chain.p7b", text.getBytes(StandardCharsets.US_ASCII));

        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(ca.sha1(), root.sha1());
    }

    @Test
    void readsConcatenatedDerCertificates() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(leaf.der());
        content.write(ca.der());

        ReadResult result = reader.read("two.der", content.toByteArray());

        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(leaf.sha1(), ca.sha1());
    }

    @Test
    void readsSameCertificateOnlyOnce() {
        String text = TestPki.pem(ca, leaf, ca, leaf, root);

        ReadResult result = reader.read("twice.pem", text.getBytes(StandardCharsets.US_ASCII));

        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(ca.sha1(), leaf.sha1(), root.sha1());
    }

    @Test
    void readsVersion1Certificate() {
        TestCert v1 = TestPki.root("CN=Old Version One").version1().build();

        ReadResult result = reader.read("v1.der", v1.der());

        assertThat(result.problems()).isEmpty();
        assertThat(result.certificates()).singleElement()
                .returns(1, CertificateFacts::version);
    }

    // ---------------------------------------------------------------------------- PKCS#12

    @Test
    void readsPkcs12CertificatesWithoutKeys() {
        Path file = TestPki.writePkcs12(dir, "server.pfx", PASSWORD, leaf, leaf, ca, root);

        ReadResult result = new CertificateReader(PASSWORD).read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.format()).isEqualTo("PKCS#12");
        assertThat(sha1s(result)).containsExactly(leaf.sha1(), ca.sha1(), root.sha1());
        assertThat(result.certificates().get(0).der()).isEqualTo(leaf.der());
    }

    @Test
    void reportsWrongPkcs12Password() {
        byte[] pfx = TestPki.pkcs12(PASSWORD, leaf, leaf, ca);

        ReadResult result = new CertificateReader("wrong".toCharArray()).read("server.p12", pfx);

        assertThat(result.certificates()).isEmpty();
        assertThat(result.format()).isEqualTo("PKCS#12");
        assertThat(result.problems()).singleElement().asString()
                .startsWith("server.p12: ")
                .contains("password given is wrong")
                .contains("--password")
                .contains("CERTGRAPH_PASSWORD");
    }

    @Test
    void reportsMissingPkcs12Password() {
        byte[] pfx = TestPki.pkcs12(PASSWORD, leaf, leaf);

        ReadResult result = reader.read("server.p12", pfx);

        assertThat(result.certificates()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .contains("none was given")
                .contains("--password or the CERTGRAPH_PASSWORD environment variable");
    }

    @Test
    void readsPkcs12WithEmptyPasswordWhenNoneIsGiven() {
        byte[] pfx = TestPki.pkcs12(new char[0], null, leaf, ca);

        ReadResult result = reader.read("open.p12", pfx);

        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(leaf.sha1(), ca.sha1());
    }

    @Test
    void readsJavaPkcs12TruststoreWithEmptyPassword() {
        byte[] store = TestPki.truststore("PKCS12", new char[0], root);

        ReadResult result = reader.read("empty-password.p12", store);

        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(root.sha1());
    }

    @Test
    void readsPkcs12TruststoreWithJavaDefaultPassword() {
        byte[] store = TestPki.truststore("PKCS12", "changeit".toCharArray(), root, ca);

        ReadResult result = reader.read("truststore.p12", store);

        assertThat(result.problems()).isEmpty();
        assertThat(result.format()).isEqualTo("PKCS#12 truststore");
        assertThat(sha1s(result)).containsExactlyInAnyOrder(root.sha1(), ca.sha1());
    }

    @Test
    void readsJavaPkcs12KeystoreChainWithGivenPassword() {
        byte[] store = TestPki.keystore("PKCS12", PASSWORD, leaf, ca, root);

        ReadResult result = new CertificateReader(PasswordSource.of(PASSWORD))
                .read("keystore.p12", store);

        assertThat(result.problems()).isEmpty();
        assertThat(result.format()).isEqualTo("PKCS#12");
        assertThat(sha1s(result)).containsExactlyInAnyOrder(leaf.sha1(), ca.sha1(), root.sha1());
    }

    // ---------------------------------------------------------------------------- keystores

    @Test
    void readsJksTruststore() {
        Path file = TestPki.writeJks(dir, "trust.jks", "anything".toCharArray(), root, ca);

        ReadResult result = reader.read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.format()).isEqualTo("JKS");
        assertThat(sha1s(result)).containsExactly(root.sha1(), ca.sha1());
    }

    @Test
    void readsJksKeyEntryChainWithoutPassword() {
        byte[] store = TestPki.keystore("JKS", PASSWORD, leaf, ca, root);

        ReadResult result = reader.read("server.jks", store);

        assertThat(result.problems()).isEmpty();
        assertThat(sha1s(result)).containsExactly(leaf.sha1(), ca.sha1(), root.sha1());
    }

    @Test
    void readsJceksTruststore() {
        byte[] store = TestPki.truststore("JCEKS", PASSWORD, leaf);

        ReadResult result = reader.read("trust.jceks", store);

        assertThat(result.problems()).isEmpty();
        assertThat(result.format()).isEqualTo("JCEKS");
        assertThat(sha1s(result)).containsExactly(leaf.sha1());
    }

    @Test
    void readsJdkCacerts() {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");

        ReadResult result = reader.read(cacerts);

        assertThat(result.problems()).isEmpty();
        assertThat(result.format()).isIn("JKS", "PKCS#12 truststore");
        assertThat(result.certificates()).hasSizeGreaterThan(50)
                .allSatisfy(f -> assertThat(f.isCA() || f.version() == 1).isTrue());
        assertThat(result.certificates()).filteredOn(CertificateFacts::selfSigned)
                .hasSizeGreaterThan(50);
    }

    // ---------------------------------------------------------------------------- bad content

    @Test
    void reportsDerDamagedByTextRoundTrip() {
        byte[] mangled = leaf.der();
        for (int i = 0; i < mangled.length; i++) {
            if ((mangled[i] & 0xFF) > 0x7F) {
                mangled[i] = '?';
            }
        }

        ReadResult result = reader.read(TestPki.write(dir, "a.cer", mangled));

        assertThat(result.certificates()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .isEqualTo(dir.resolve("a.cer") + ": not a certificate file: it looks like DER"
                        + " whose bytes above 0x7F were replaced by '?', as happens when a binary"
                        + " file is saved as text; export it again as a binary (DER) or Base64"
                        + " file.");
    }

    @Test
    void reportsDerDamagedByUtf8TextRoundTrip() {
        ByteArrayOutputStream mangled = new ByteArrayOutputStream();
        for (byte b : leaf.der()) {
            if ((b & 0xFF) > 0x7F) {
                mangled.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD});
            } else {
                mangled.write(b);
            }
        }

        ReadResult result = reader.read("utf8.cer", mangled.toByteArray());

        assertThat(result.certificates()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .contains("replaced by the Unicode replacement character")
                .contains("saved as text");
    }

    @Test
    void reportsTruncatedDer() {
        byte[] der = leaf.der();

        ReadResult result = reader.read("cut.der", Arrays.copyOf(der, der.length / 2));

        assertThat(result.certificates()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .startsWith("cut.der: damaged DER: the data is cut short")
                .contains(der.length / 2 + " bytes");
    }

    @Test
    void reportsUnrecognisedFormat() {
        byte[] elf = {0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0};

        ReadResult result = reader.read("program", elf);

        assertThat(result.format()).isEqualTo("unknown");
        assertThat(result.problems()).containsExactly("program: not a certificate file (format"
                + " not recognised: starts with bytes 7F 45 4C 46 02 01 01 00 …); certgraph reads"
                + " PEM, DER, Base64, PKCS#7, PKCS#12 and Java keystores.");
    }

    @Test
    void reportsPlainTextThatIsNoCertificate() {
        ReadResult result = reader.read("notes.txt",
                "Hello, this is not a certificate.\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(result.certificates()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .contains("not a certificate file (format not recognised: starts with bytes 48 65");
    }

    @Test
    void reportsDerPrivateKey() {
        ReadResult result = reader.read("key.der", leaf.keyPair().getPrivate().getEncoded());

        assertThat(result.certificates()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .contains("holds a private key")
                .doesNotContain(TestPki.hex(leaf.keyPair().getPrivate().getEncoded()));
    }

    @Test
    void reportsEmptyFile() {
        ReadResult result = reader.read(TestPki.write(dir, "empty.pem", new byte[0]));

        assertThat(result.certificates()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .isEqualTo(dir.resolve("empty.pem") + ": the file is empty; export the"
                        + " certificate again.");
    }

    @Test
    void reportsBlankTextFile() {
        ReadResult result = reader.read("blank.pem", " \r\n\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(result.problems()).containsExactly(
                "blank.pem: the file holds only blank text; export the certificate again.");
    }

    @Test
    void refusesFilesOver64MiBUnread() throws IOException {
        Path big = dir.resolve("huge.bin");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(CertificateReader.MAX_FILE_SIZE + 1);
        }

        ReadResult result = reader.read(big);

        assertThat(result.certificates()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .contains("larger than the 64 MiB certgraph reads");
    }

    @Test
    void reportsMissingFile() {
        ReadResult result = reader.read(dir.resolve("nothing-here.pem"));

        assertThat(result.problems()).singleElement().asString()
                .endsWith("nothing-here.pem: no such file; check the name and the folder.");
    }

    @Test
    void neverThrowsOnRandomBytes() {
        Random random = new Random(42);
        byte[][] prefixes = {{0x30}, {0x30, (byte) 0x80}, {0x30, (byte) 0x82},
            {(byte) 0xFE, (byte) 0xED, (byte) 0xFE, (byte) 0xED}, {(byte) 0xFF, (byte) 0xFE},
            "-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII), {}};
        byte[] cert = leaf.der();
        for (int i = 0; i < 300; i++) {
            byte[] prefix = prefixes[i % prefixes.length];
            byte[] content;
            if (i % 3 == 0) {
                content = cert.clone();
                content[random.nextInt(content.length)] ^= (byte) (1 + random.nextInt(255));
            } else {
                content = new byte[prefix.length + random.nextInt(600)];
                random.nextBytes(content);
                System.arraycopy(prefix, 0, content, 0, prefix.length);
            }

            String name = "random-" + i;
            ReadResult result = reader.read(name, content);

            // Every read ends with either a certificate or an explanation, never an exception.
            assertThat(result.source()).isEqualTo(name);
            assertThat(result.certificates().size() + result.problems().size()).isPositive();
            assertThat(result.problems()).allSatisfy(p -> assertThat(p)
                    .startsWith(name + ": ").endsWith("."));
        }
    }

    @Test
    void writesFullSentencesNamingTheFile() throws IOException {
        Path file = TestPki.write(dir, "certs/broken.p7b", new byte[] {0x30, 0x05, 1});

        ReadResult result = reader.read(file);

        assertThat(Files.exists(file)).isTrue();
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> assertThat(p)
                .startsWith(file + ": ").endsWith("."));
    }
}
