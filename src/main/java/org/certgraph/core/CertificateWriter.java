package org.certgraph.core;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certgraph.cert.CertificateFacts;
import org.certgraph.graph.Graph;

/** Writes certificates with their bytes, then links the new ones into their chains. */
final class CertificateWriter {

    /** What one batch did: certificates new to the graph, and new verified issuer links. */
    record Written(int created, int links) {
    }

    private final Graph graph;
    private final ChainLinker linker;
    private long linkNanos;

    CertificateWriter(Graph graph) {
        this.graph = graph;
        this.linker = new ChainLinker(graph);
    }

    Written write(Collection<CertificateFacts> batch, String source, String stamp,
                  OffsetDateTime now) {
        if (batch.isEmpty()) {
            return new Written(0, 0);
        }
        Map<String, CertificateFacts> bySha1 = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (CertificateFacts c : batch) {
            if (bySha1.put(c.sha1(), c) == null) {
                rows.add(row(c));
            }
        }
        List<CertificateFacts> created = graph.write("certificates-upsert",
                Map.of("rows", rows, "source", source, "stamp", stamp, "now", now),
                records -> records.stream()
                        .filter(r -> r.get("created").asBoolean())
                        .map(r -> bySha1.get(r.get("sha1").asString()))
                        .toList());
        long start = System.nanoTime();
        int links = linker.link(created, now);
        linkNanos += System.nanoTime() - start;
        return new Written(created.size(), links);
    }

    /** Time spent linking chains so far, in nanoseconds. */
    long linkNanos() {
        return linkNanos;
    }

    private static Map<String, Object> row(CertificateFacts c) {
        Map<String, Object> props = new HashMap<>();
        props.put("sha256", c.sha256());
        props.put("serialNumber", c.serialNumber());
        props.put("subject", c.subject());
        props.put("issuer", c.issuer());
        props.put("subjectKey", c.subjectKey());
        props.put("issuerKey", c.issuerKey());
        props.put("notBefore", c.notBefore().atOffset(ZoneOffset.UTC));
        props.put("notAfter", c.notAfter().atOffset(ZoneOffset.UTC));
        props.put("signatureAlgorithm", c.signatureAlgorithm());
        props.put("signatureHash", c.signatureHash().name());
        props.put("keyAlgorithm", c.keyAlgorithm());
        props.put("keySize", c.keySize());
        props.put("isCA", c.isCA());
        props.put("pathLength", c.pathLength());
        props.put("subjectKeyId", c.subjectKeyId());
        props.put("authorityKeyId", c.authorityKeyId());
        props.put("dnsNames", c.dnsNames());
        props.put("ekus", c.ekus());
        props.put("keyUsages", c.keyUsages());
        props.put("selfSigned", c.selfSigned());
        props.put("version", c.version());
        props.put("der", c.der());
        Map<String, Object> row = new HashMap<>();
        row.put("sha1", c.sha1());
        row.put("props", props);
        row.put("isCA", c.isCA());
        row.put("root", c.selfSigned());
        row.put("leaf", !c.isCA() && !c.selfSigned());
        return row;
    }
}
