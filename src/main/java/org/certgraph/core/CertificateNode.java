package org.certgraph.core;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.certgraph.cert.SignatureHash;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** A certificate as the graph holds it; an unresolved one has only its thumbprint. */
public record CertificateNode(
        String sha1,
        String sha256,
        String serialNumber,
        String subject,
        String issuer,
        Instant notBefore,
        Instant notAfter,
        String signatureAlgorithm,
        SignatureHash signatureHash,
        String keyAlgorithm,
        Integer keySize,
        boolean isCA,
        boolean selfSigned,
        Integer pathLength,
        String subjectKeyId,
        String authorityKeyId,
        List<String> dnsNames,
        List<String> ekus,
        List<String> keyUsages,
        boolean unresolved,
        List<String> sources) {

    /** Reads a certificate from a Neo4j node; the certificate bytes are left behind. */
    public static CertificateNode of(Node n) {
        return new CertificateNode(
                text(n.get("sha1")),
                text(n.get("sha256")),
                text(n.get("serialNumber")),
                text(n.get("subject")),
                text(n.get("issuer")),
                instant(n.get("notBefore")),
                instant(n.get("notAfter")),
                text(n.get("signatureAlgorithm")),
                n.get("signatureHash").isNull()
                        ? null : SignatureHash.valueOf(n.get("signatureHash").asString()),
                text(n.get("keyAlgorithm")),
                n.get("keySize").isNull() ? null : n.get("keySize").asInt(),
                n.get("isCA").asBoolean(false),
                n.get("selfSigned").asBoolean(false),
                n.get("pathLength").isNull() ? null : n.get("pathLength").asInt(),
                text(n.get("subjectKeyId")),
                text(n.get("authorityKeyId")),
                strings(n.get("dnsNames")),
                strings(n.get("ekus")),
                strings(n.get("keyUsages")),
                n.get("unresolved").asBoolean(false),
                strings(n.get("sources")));
    }

    private static String text(Value v) {
        return v.isNull() ? null : v.asString();
    }

    private static Instant instant(Value v) {
        if (v.isNull()) {
            return null;
        }
        ZonedDateTime time = v.asZonedDateTime();
        return time.toInstant();
    }

    private static List<String> strings(Value v) {
        return v.isNull() ? List.of() : v.asList(Value::asString);
    }
}
