package org.certgraph.cert;

/** The hash algorithm of a certificate's own signature (not of its thumbprint). */
public enum SignatureHash {
    MD5, SHA1, SHA224, SHA256, SHA384, SHA512,
    /** Anything else: MD2, EdDSA, GOST and other algorithms without one of the hashes above. */
    OTHER
}
