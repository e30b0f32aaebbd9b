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
 *
 * <p>Made by {@link CertificateParser#parse(byte[])}; lists are never null and cannot be changed.
 *
 * @param sha1 upper-case hex SHA-1 of {@code der}: the thumbprint Windows shows
 * @param sha256 upper-case hex SHA-256 of {@code der}
 * @param serialNumber upper-case hex of the serial number as a signed integer ("-1F" when
 *     negative), without padding zeros
 * @param subject the subject as {@code X500Principal.getName()} prints it (RFC 2253, CN first)
 * @param issuer the issuer name, printed the same way
 * @param subjectKey the subject in {@code X500Principal.CANONICAL} form
 * @param issuerKey the issuer in {@code X500Principal.CANONICAL} form
 * @param notBefore start of validity; null only if the certificate's time cannot be read
 * @param notAfter end of validity; null only if the certificate's time cannot be read
 * @param signatureAlgorithm a readable name such as "SHA256withRSA", "SHA384withECDSA",
 *     "RSASSA-PSS" or "Ed25519"; the OID when the algorithm is unknown
 * @param signatureHash the hash of the certificate's own signature
 * @param keyAlgorithm "RSA", "EC", "DSA", "Ed25519", "Ed448", "X25519", "X448" or the OID
 * @param keySize bits: RSA modulus, EC field size, DSA p; 256 for Ed25519, 456 for Ed448; 0 when
 *     unknown
 * @param isCA the basicConstraints cA flag; false when the extension is absent
 * @param pathLength the basicConstraints path length constraint, null when absent
 * @param subjectKeyId upper-case hex subject key identifier, null when absent
 * @param authorityKeyId upper-case hex key identifier of the authority key identifier, null when
 *     absent
 * @param dnsNames subjectAltName DNS names in certificate order, followed in place by IP
 *     addresses as text
 * @param ekus extended key usage OIDs, e.g. "1.3.6.1.5.5.7.3.1"
 * @param keyUsages key usage names: digitalSignature, nonRepudiation, keyEncipherment,
 *     dataEncipherment, keyAgreement, keyCertSign, cRLSign, encipherOnly, decipherOnly
 * @param selfSigned true when subject and issuer are canonically equal and the certificate's own
 *     key verifies its signature
 * @param version the X.509 version: 1, 2 or 3
 * @param der the certificate's exact bytes
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
