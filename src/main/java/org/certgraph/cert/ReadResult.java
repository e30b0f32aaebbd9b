package org.certgraph.cert;

import java.util.List;

/**
 * What {@link CertificateReader} found in one file.
 *
 * @param source the file as it was named to the reader
 * @param format the container that was recognised, such as "PEM", "DER", "Base64", "PKCS#7",
 *     "PKCS#12", "PKCS#12 truststore", "JKS" or "JCEKS"; "unknown" when none was
 * @param certificates the certificates found, each once, in file order
 * @param problems full sentences for the user, each naming the file, what is wrong and what to
 *     do; empty when everything in the file was read
 */
public record ReadResult(
        String source, String format, List<CertificateFacts> certificates, List<String> problems) {

    /** Copies both lists so the result cannot change afterwards. */
    public ReadResult {
        certificates = List.copyOf(certificates);
        problems = List.copyOf(problems);
    }
}
