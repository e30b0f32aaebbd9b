package org.certgraph.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyStore;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;
import org.certgraph.testing.TestPki.NameEncoding;
import org.certgraph.testing.TestPki.TestCert;
import org.junit.jupiter.api.Test;

/** Checks the promises of the test helper that other tests rely on. */
class TestPkiTest {

    @Test
    void chainIsSignedDownwards() throws Exception {
        TestCert root = TestPki.root("CN=Helper Root").build();
        TestCert ca = root.intermediate("CN=Helper CA").build();
        TestCert leaf = ca.leaf("CN=Helper Leaf").build();

        root.x509().verify(root.keyPair().getPublic());
        ca.x509().verify(root.keyPair().getPublic());
        leaf.x509().verify(ca.keyPair().getPublic());
        assertThat(leaf.holder().getIssuer()).isEqualTo(ca.holder().getSubject());
        assertThat(leaf.x509().getBasicConstraints()).isEqualTo(-1);
        assertThat(ca.x509().getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(leaf.pem()).startsWith("-----BEGIN CERTIFICATE-----\n")
                .endsWith("-----END CERTIFICATE-----\n");
        assertThat(leaf.sha1()).matches("[0-9A-F]{40}");
    }

    @Test
    void renewalKeepsTheNameAndChangesTheKey() throws Exception {
        TestCert root = TestPki.root("CN=Renewed Root").build();
        TestCert renewed = root.renewal().build();

        assertThat(renewed.holder().getSubject().getEncoded())
                .isEqualTo(root.holder().getSubject().getEncoded());
        assertThat(renewed.keyPair().getPublic()).isNotEqualTo(root.keyPair().getPublic());
    }

    @Test
    void crossCertificateKeepsSubjectAndKey() {
        TestCert oldRoot = TestPki.root("CN=Cross Old").build();
        TestCert other = TestPki.root("CN=Cross Other").build();
        TestCert cross = other.crossCertify(oldRoot).build();

        assertThat(cross.holder().getSubject()).isEqualTo(oldRoot.holder().getSubject());
        assertThat(cross.holder().getIssuer()).isEqualTo(other.holder().getSubject());
        assertThat(cross.holder().getSubjectPublicKeyInfo())
                .isEqualTo(oldRoot.holder().getSubjectPublicKeyInfo());
    }

    @Test
    void encodesTheSameNameTwoWays() throws Exception {
        X500Name utf8 = TestPki.name("CN=Two Ways, O=certgraph", NameEncoding.UTF8_STRING);
        X500Name printable = TestPki.name("CN=Two Ways, O=certgraph",
                NameEncoding.PRINTABLE_STRING);

        assertThat(utf8.getEncoded()).isNotEqualTo(printable.getEncoded());
        assertThat(utf8.toString()).isEqualTo(printable.toString());
    }

    @Test
    void honoursValidity() {
        Instant from = Instant.parse("2020-05-01T00:00:00Z");
        Instant to = Instant.parse("2021-05-01T00:00:00Z");
        TestCert cert = TestPki.root("CN=Dated").validity(from, to).build();

        assertThat(cert.x509().getNotBefore().toInstant()).isEqualTo(from);
        assertThat(cert.x509().getNotAfter().toInstant()).isEqualTo(to);
    }

    @Test
    void writesKeystoresJavaCanOpen() throws Exception {
        TestCert root = TestPki.root("CN=Store Root").build();
        KeyStore jks = KeyStore.getInstance("JKS");
        jks.load(new java.io.ByteArrayInputStream(
                TestPki.truststore("JKS", "pw1234".toCharArray(), root)), "pw1234".toCharArray());

        assertThat(jks.getCertificate("alias1")).isEqualTo(root.x509());
    }
}
