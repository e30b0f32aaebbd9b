package org.certgraph.cert;

import java.io.OutputStream;
import java.util.List;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Checks certificate signatures against one issuer's public key, decoded once and kept.
 *
 * <p>Use one {@code Verifier} per candidate issuer when testing many children: the key is not
 * decoded again for each check. Instances are immutable and safe to share between threads. The
 * signature is checked over the child's to-be-signed bytes exactly as they appear in the
 * certificate, so certificates with encodings that are not strictly DER still verify.
 */
public final class Verifier {

    private static final Verifier NEVER = new Verifier(null);

    private final ContentVerifierProvider provider;

    private Verifier(ContentVerifierProvider provider) {
        this.provider = provider;
    }

    /**
     * A verifier for the public key of the certificate {@code issuerDer}. When those bytes are
     * not a certificate, or its key cannot be used, the verifier accepts nothing.
     */
    public static Verifier forIssuer(byte[] issuerDer) {
        try {
            return forKey(Certificate.getInstance(issuerDer).getSubjectPublicKeyInfo());
        } catch (Exception e) {
            return NEVER;
        }
    }

    /** A verifier for the public key of an already parsed issuer certificate. */
    public static Verifier forIssuer(CertificateFacts issuer) {
        return issuer == null ? NEVER : forIssuer(issuer.der());
    }

    static Verifier forKey(SubjectPublicKeyInfo keyInfo) {
        try {
            return new Verifier(new JcaContentVerifierProviderBuilder()
                    .setProvider(Crypto.BC).build(keyInfo));
        } catch (Exception e) {
            return NEVER;
        }
    }

    /** True only when this verifier's key verifies the signature of the certificate. */
    public boolean verifies(CertificateFacts child) {
        return child != null && verifies(child.der());
    }

    /**
     * True only when this verifier's key verifies the signature of the certificate
     * {@code childDer}; false for any failure, including bytes that are not a certificate.
     */
    public boolean verifies(byte[] childDer) {
        if (provider == null || childDer == null) {
            return false;
        }
        try {
            Der.Element top = Der.first(childDer);
            List<Der.Element> parts = Der.children(childDer, top);
            if (top.tag() != Der.SEQUENCE || parts.size() != 3
                    || parts.get(0).tag() != Der.SEQUENCE || parts.get(1).tag() != Der.SEQUENCE
                    || parts.get(2).tag() != Der.BIT_STRING) {
                return false;
            }
            AlgorithmIdentifier algorithm =
                    AlgorithmIdentifier.getInstance(parts.get(1).bytes(childDer));
            byte[] signature = ASN1BitString.getInstance(parts.get(2).bytes(childDer)).getOctets();
            ContentVerifier verifier = provider.get(algorithm);
            Der.Element tbs = parts.get(0);
            try (OutputStream out = verifier.getOutputStream()) {
                out.write(childDer, tbs.start(), tbs.length());
            }
            return verifier.verify(signature);
        } catch (Exception e) {
            return false;
        }
    }
}
