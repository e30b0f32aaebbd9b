package org.certgraph.cert;

/**
 * Answers whether one certificate's signature was made with another certificate's key.
 *
 * <p>Supports RSA (PKCS#1 v1.5 and RSASSA-PSS), ECDSA, DSA, Ed25519 and Ed448. All methods are
 * thread-safe and never throw: any failure means "does not verify". To check many children
 * against the same issuer, keep a {@link Verifier} instead so the issuer's key is decoded once.
 */
public final class Signatures {

    private Signatures() {
    }

    /** True only when the public key of {@code issuerDer} verifies the signature of the child. */
    public static boolean verifies(byte[] childDer, byte[] issuerDer) {
        try {
            return Verifier.forIssuer(issuerDer).verifies(childDer);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** As {@link #verifies(byte[], byte[])}, for certificates already parsed. */
    public static boolean verifies(CertificateFacts child, CertificateFacts issuer) {
        if (child == null || issuer == null) {
            return false;
        }
        return verifies(child.der(), issuer.der());
    }
}
