package org.certgraph.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.certgraph.testing.TestPki;
import org.certgraph.testing.TestPki.KeyType;
import org.certgraph.testing.TestPki.TestCert;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void verifiesEcdsaChildAgainstItsIssuer() {
        TestCert root = TestPki.root("CN=Sig Root").build();
        TestCert leaf = root.leaf("CN=Sig Leaf").build();

        assertThat(Signatures.verifies(leaf.der(), root.der())).isTrue();
        assertThat(Signatures.verifies(root.der(), root.der())).isTrue();
        assertThat(Signatures.verifies(root.der(), leaf.der())).isFalse();
    }

    @Test
    void verifiesRsaPssAndEd25519AndDsa() {
        TestCert rsa = TestPki.root("CN=RSA Root").key(TestPki.rsaKey(0)).build();
        TestCert pss = rsa.leaf("CN=PSS Leaf").signatureAlgorithm("SHA256withRSAandMGF1").build();
        TestCert sha1 = rsa.leaf("CN=SHA1 Leaf").hash("SHA1").build();
        TestCert ed = TestPki.root("CN=Ed Root").keyType(KeyType.ED25519).build();
        TestCert edLeaf = ed.leaf("CN=Ed Leaf").build();
        TestCert dsa = TestPki.root("CN=DSA Root").keyType(KeyType.DSA_2048).build();
        TestCert dsaLeaf = dsa.leaf("CN=DSA Leaf").build();

        assertThat(Signatures.verifies(pss.der(), rsa.der())).isTrue();
        assertThat(Signatures.verifies(sha1.der(), rsa.der())).isTrue();
        assertThat(Signatures.verifies(edLeaf.der(), ed.der())).isTrue();
        assertThat(Signatures.verifies(dsaLeaf.der(), dsa.der())).isTrue();
        assertThat(Signatures.verifies(edLeaf.der(), rsa.der())).isFalse();
    }

    @Test
    void rejectsDecoyWithSameNameAndAnotherKey() {
        TestCert root = TestPki.root("CN=Decoy Target").build();
        TestCert decoy = root.renewal().build();
        TestCert leaf = root.leaf("CN=Decoy Leaf").build();

        assertThat(decoy.holder().getSubject()).isEqualTo(root.holder().getSubject());
        assertThat(Signatures.verifies(leaf.der(), decoy.der())).isFalse();
        assertThat(Signatures.verifies(leaf.der(), root.der())).isTrue();
    }

    @Test
    void crossCertificateVerifiesWithTheOtherIssuer() {
        TestCert oldRoot = TestPki.root("CN=Old Root").build();
        TestCert newRoot = TestPki.root("CN=New Root").build();
        TestCert cross = newRoot.crossCertify(oldRoot).build();
        TestCert leaf = oldRoot.leaf("CN=Cross Leaf").build();

        assertThat(Signatures.verifies(cross.der(), newRoot.der())).isTrue();
        assertThat(Signatures.verifies(leaf.der(), cross.der())).isTrue();
        assertThat(Signatures.verifies(cross.der(), oldRoot.der())).isFalse();
    }

    @Test
    void rejectsGarbageAndTamperedBytes() {
        TestCert root = TestPki.root("CN=Garbage Root").build();
        byte[] leaf = root.leaf("CN=Garbage Leaf").build().der();
        byte[] tampered = leaf.clone();
        tampered[40] ^= 0x01;

        assertThat(Signatures.verifies(new byte[] {0x30, 0x03, 1, 2, 3}, root.der())).isFalse();
        assertThat(Signatures.verifies(leaf, new byte[] {1, 2, 3})).isFalse();
        assertThat(Signatures.verifies(null, root.der())).isFalse();
        assertThat(Signatures.verifies(leaf, (byte[]) null)).isFalse();
        assertThat(Signatures.verifies(Arrays.copyOf(leaf, 100), root.der())).isFalse();
        assertThat(Signatures.verifies(tampered, root.der())).isFalse();
    }

    @Test
    void verifierIsReusableAcrossThreads() {
        TestCert root = TestPki.root("CN=Threads Root").build();
        TestCert good = root.leaf("CN=Good").build();
        TestCert other = TestPki.root("CN=Threads Root").build().leaf("CN=Bad").build();
        Verifier verifier = Verifier.forIssuer(CertificateParser.parse(root.der()));

        long verified = IntStream.range(0, 400).parallel()
                .filter(i -> verifier.verifies(i % 2 == 0 ? good.der() : other.der()))
                .count();

        assertThat(verified).isEqualTo(200);
        assertThat(Signatures.verifies(CertificateParser.parse(good.der()),
                CertificateParser.parse(root.der()))).isTrue();
    }
}
