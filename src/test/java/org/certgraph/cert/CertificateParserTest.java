package org.certgraph.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.certgraph.testing.TestPki;
import org.certgraph.testing.TestPki.KeyType;
import org.certgraph.testing.TestPki.NameEncoding;
import org.certgraph.testing.TestPki.TestCert;
import org.junit.jupiter.api.Test;

class CertificateParserTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @Test
    void fillsIdentityFieldsOfALeaf() {
        TestCert root = TestPki.root("CN=Parser Root, O=certgraph, C=DE").build();
        Instant from = Instant.parse("2024-01-02T03:04:05Z");
        Instant to = Instant.parse("2026-01-02T03:04:05Z");
        TestCert leaf = root.leaf("CN=www.example.test, O=certgraph")
                .serial(new BigInteger("0ABCDEF0123", 16))
                .validity(from, to)
                .build();

        CertificateFacts facts = CertificateParser.parse(leaf.der());

        assertThat(facts.sha1()).isEqualTo(leaf.sha1()).hasSize(40);
        assertThat(facts.sha256()).isEqualTo(leaf.sha256()).hasSize(64);
        assertThat(facts.serialNumber()).isEqualTo("ABCDEF0123");
        assertThat(facts.subject()).isEqualTo("CN=www.example.test,O=certgraph");
        assertThat(facts.issuer()).isEqualTo("CN=Parser Root,O=certgraph,C=DE");
        assertThat(facts.subjectKey()).isEqualTo("cn=www.example.test,o=certgraph");
        assertThat(facts.issuerKey()).isEqualTo("cn=parser root,o=certgraph,c=de");
        assertThat(facts.notBefore()).isEqualTo(from);
        assertThat(facts.notAfter()).isEqualTo(to);
        assertThat(facts.version()).isEqualTo(3);
        assertThat(facts.der()).isEqualTo(leaf.der());
        assertThat(facts.selfSigned()).isFalse();
    }

    @Test
    void keepsAPrivateCopyOfTheBytes() {
        TestCert cert = TestPki.root("CN=Copy").build();
        byte[] der = cert.der();
        CertificateFacts facts = CertificateParser.parse(der);
        Arrays.fill(der, (byte) 0);
        assertThat(facts.der()).isEqualTo(cert.der());
    }

    @Test
    void namesSignatureHashOfSha1AndSha256Rsa() {
        TestCert sha1 = TestPki.root("CN=RSA SHA1").key(TestPki.rsaKey(0)).hash("SHA1").build();
        TestCert sha256 = TestPki.root("CN=RSA SHA256").key(TestPki.rsaKey(0)).build();

        CertificateFacts old = CertificateParser.parse(sha1.der());
        CertificateFacts modern = CertificateParser.parse(sha256.der());

        assertThat(old.signatureHash()).isEqualTo(SignatureHash.SHA1);
        assertThat(old.signatureAlgorithm()).isEqualTo("SHA1withRSA");
        assertThat(modern.signatureHash()).isEqualTo(SignatureHash.SHA256);
        assertThat(modern.signatureAlgorithm()).isEqualTo("SHA256withRSA");
        assertThat(modern.keyAlgorithm()).isEqualTo("RSA");
        assertThat(modern.keySize()).isEqualTo(2048);
    }

    @Test
    void namesSignatureHashOfEcdsa() {
        TestCert sha1 = TestPki.root("CN=EC SHA1").hash("SHA1").build();
        TestCert sha256 = TestPki.root("CN=EC SHA256").build();
        TestCert sha384 = TestPki.root("CN=EC SHA384").keyType(KeyType.EC_P384).hash("SHA384")
                .build();

        assertThat(CertificateParser.parse(sha1.der()).signatureHash())
                .isEqualTo(SignatureHash.SHA1);
        CertificateFacts p256 = CertificateParser.parse(sha256.der());
        assertThat(p256.signatureHash()).isEqualTo(SignatureHash.SHA256);
        assertThat(p256.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(p256.keyAlgorithm()).isEqualTo("EC");
        assertThat(p256.keySize()).isEqualTo(256);
        CertificateFacts p384 = CertificateParser.parse(sha384.der());
        assertThat(p384.signatureHash()).isEqualTo(SignatureHash.SHA384);
        assertThat(p384.keySize()).isEqualTo(384);
    }

    @Test
    void takesRsassaPssHashFromItsParameters() {
        TestCert pss = TestPki.root("CN=PSS").key(TestPki.rsaKey(0))
                .signatureAlgorithm("SHA384withRSAandMGF1").build();

        CertificateFacts facts = CertificateParser.parse(pss.der());

        assertThat(facts.signatureAlgorithm()).isEqualTo("RSASSA-PSS");
        assertThat(facts.signatureHash()).isEqualTo(SignatureHash.SHA384);
        assertThat(facts.selfSigned()).isTrue();
    }

    @Test
    void readsEd25519AndDsaKeys() {
        CertificateFacts ed = CertificateParser.parse(
                TestPki.root("CN=Ed").keyType(KeyType.ED25519).build().der());
        CertificateFacts dsa = CertificateParser.parse(
                TestPki.root("CN=DSA").keyType(KeyType.DSA_2048).build().der());

        assertThat(ed.keyAlgorithm()).isEqualTo("Ed25519");
        assertThat(ed.keySize()).isEqualTo(256);
        assertThat(ed.signatureAlgorithm()).isEqualTo("Ed25519");
        assertThat(ed.signatureHash()).isEqualTo(SignatureHash.OTHER);
        assertThat(ed.selfSigned()).isTrue();
        assertThat(dsa.keyAlgorithm()).isEqualTo("DSA");
        assertThat(dsa.keySize()).isEqualTo(2048);
        assertThat(dsa.signatureAlgorithm()).isEqualTo("SHA256withDSA");
        assertThat(dsa.signatureHash()).isEqualTo(SignatureHash.SHA256);
        assertThat(dsa.selfSigned()).isTrue();
    }

    @Test
    void readsBasicConstraints() {
        TestCert root = TestPki.root("CN=Constraints Root").build();
        TestCert ca = root.intermediate("CN=Constraints CA").ca(0).build();
        TestCert leaf = ca.leaf("CN=Constrained Leaf").build();
        TestCert bare = ca.leaf("CN=No Constraints").noBasicConstraints().build();

        assertThat(CertificateParser.parse(root.der()))
                .returns(true, CertificateFacts::isCA).returns(null, CertificateFacts::pathLength);
        assertThat(CertificateParser.parse(ca.der()))
                .returns(true, CertificateFacts::isCA).returns(0, CertificateFacts::pathLength);
        assertThat(CertificateParser.parse(leaf.der()))
                .returns(false, CertificateFacts::isCA).returns(null, CertificateFacts::pathLength);
        assertThat(CertificateParser.parse(bare.der()))
                .returns(false, CertificateFacts::isCA).returns(null, CertificateFacts::pathLength);
    }

    @Test
    void readsKeyIdentifiersWhenPresent() {
        TestCert root = TestPki.root("CN=Key Id Root").build();
        TestCert leaf = root.leaf("CN=Key Id Leaf").build();

        CertificateFacts rootFacts = CertificateParser.parse(root.der());
        CertificateFacts leafFacts = CertificateParser.parse(leaf.der());

        assertThat(rootFacts.subjectKeyId()).matches("[0-9A-F]{40}");
        assertThat(leafFacts.authorityKeyId()).isEqualTo(rootFacts.subjectKeyId());
        assertThat(leafFacts.subjectKeyId()).isNotEqualTo(rootFacts.subjectKeyId());
    }

    @Test
    void leavesKeyIdentifiersNullWhenAbsent() {
        TestCert root = TestPki.root("CN=No Key Id Root").ski(false).aki(false).build();
        TestCert leaf = root.leaf("CN=No Key Id Leaf").ski(false).aki(false).build();

        CertificateFacts facts = CertificateParser.parse(leaf.der());

        assertThat(facts.subjectKeyId()).isNull();
        assertThat(facts.authorityKeyId()).isNull();
        assertThat(CertificateParser.parse(root.der()).subjectKeyId()).isNull();
    }

    @Test
    void readsNamesAndUsages() {
        TestCert root = TestPki.root("CN=Usage Root").build();
        TestCert leaf = root.leaf("CN=Usage Leaf")
                .dns("b.example.test", "a.example.test")
                .ip("192.0.2.7")
                .eku(SERVER_AUTH, CLIENT_AUTH)
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)
                .build();

        CertificateFacts facts = CertificateParser.parse(leaf.der());
        CertificateFacts rootFacts = CertificateParser.parse(root.der());

        assertThat(facts.dnsNames())
                .containsExactly("b.example.test", "a.example.test", "192.0.2.7");
        assertThat(facts.ekus()).containsExactly(SERVER_AUTH, CLIENT_AUTH);
        assertThat(facts.keyUsages()).containsExactly("digitalSignature", "keyEncipherment");
        assertThat(rootFacts.keyUsages()).containsExactly("keyCertSign", "cRLSign");
        assertThat(rootFacts.dnsNames()).isEmpty();
        assertThat(rootFacts.ekus()).isEmpty();
    }

    @Test
    void rootIsSelfSigned() {
        TestCert root = TestPki.root("CN=Self Root").build();

        assertThat(CertificateParser.parse(root.der()).selfSigned()).isTrue();
    }

    @Test
    void sameNameSignedByAnotherKeyIsNotSelfSigned() {
        TestCert root = TestPki.root("CN=Twin").build();
        TestCert twin = root.leaf("CN=Twin").build();

        CertificateFacts facts = CertificateParser.parse(twin.der());

        assertThat(facts.subjectKey()).isEqualTo(facts.issuerKey());
        assertThat(facts.selfSigned()).isFalse();
    }

    @Test
    void canonicalNameIgnoresStringTypeAndCase() throws Exception {
        TestCert utf8 = TestPki.root("CN=Same Name, O=certgraph")
                .nameEncoding(NameEncoding.UTF8_STRING).build();
        TestCert printable = TestPki.root("CN=same name,  O=CERTGRAPH")
                .nameEncoding(NameEncoding.PRINTABLE_STRING).build();

        CertificateFacts a = CertificateParser.parse(utf8.der());
        CertificateFacts b = CertificateParser.parse(printable.der());

        assertThat(utf8.holder().getSubject().getEncoded())
                .isNotEqualTo(printable.holder().getSubject().getEncoded());
        assertThat(a.subjectKey()).isEqualTo(b.subjectKey());
        assertThat(a.subject()).isEqualTo("CN=Same Name,O=certgraph");
    }

    @Test
    void readsVersion1CertificateWithoutExtensions() {
        TestCert v1 = TestPki.root("CN=Version One").version1().build();

        CertificateFacts facts = CertificateParser.parse(v1.der());

        assertThat(facts.version()).isEqualTo(1);
        assertThat(facts.isCA()).isFalse();
        assertThat(facts.pathLength()).isNull();
        assertThat(facts.subjectKeyId()).isNull();
        assertThat(facts.authorityKeyId()).isNull();
        assertThat(facts.dnsNames()).isEmpty();
        assertThat(facts.ekus()).isEmpty();
        assertThat(facts.keyUsages()).isEmpty();
        assertThat(facts.selfSigned()).isTrue();
    }

    @Test
    void keepsNegativeSerialNumbers() {
        TestCert cert = TestPki.root("CN=Negative").serial(BigInteger.valueOf(-0x1F2E)).build();

        assertThat(CertificateParser.parse(cert.der()).serialNumber()).isEqualTo("-1F2E");
    }

    @Test
    void rejectsBytesThatAreNotACertificate() {
        assertThatThrownBy(() -> CertificateParser.parse(new byte[] {1, 2, 3}))
                .isInstanceOf(CertificateFormatException.class)
                .hasMessageContaining("not");
        assertThatThrownBy(() -> CertificateParser.parse(new byte[0]))
                .isInstanceOf(CertificateFormatException.class)
                .hasMessageContaining("no certificate bytes");
        byte[] der = TestPki.root("CN=Cut").build().der();
        assertThatThrownBy(() -> CertificateParser.parse(Arrays.copyOf(der, der.length / 2)))
                .isInstanceOf(CertificateFormatException.class)
                .hasMessageContaining("cut short");
    }

    @Test
    void rejectsExtraBytesAfterTheCertificate() {
        byte[] der = TestPki.root("CN=Extra").build().der();
        byte[] longer = Arrays.copyOf(der, der.length + 3);

        assertThatThrownBy(() -> CertificateParser.parse(longer))
                .isInstanceOf(CertificateFormatException.class)
                .hasMessageContaining("3 extra bytes");
    }
}
