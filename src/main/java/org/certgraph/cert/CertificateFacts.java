package org.certgraph.cert;

import java.time.Instant;
import java.util.List;

/**
 * What certgraph knows about one X.509 certificate, read from its bytes.
 *
 * <p>Thumbprints, key ids and serial numbers are upper-case hex without separators. {@code
 * subjectKey} and {@code issuerKey} are canonical forms of the names that compare equal when two
 * encodings differ only harmlessly (string type, case, spacing); they are used to find issuer
 * candidates, never to decide that one certificate issued another.
 */
public record CertificateFacts(
        String sha1,
        String sha256,
        String serialNumber,
        String subject,
        String issuer,
        String subjectKey,
        String issuerKey,
        Instant notBefore,
        Instant notAfter,
        String signatureAlgorithm,
        SignatureHash signatureHash,
        String keyAlgorithm,
        int keySize,
        boolean isCA,
        Integer pathLength,
        String subjectKeyId,
        String authorityKeyId,
        List<String> dnsNames,
        List<String> ekus,
        List<String> keyUsages,
        boolean selfSigned,
        int version,
        byte[] der) {
}
