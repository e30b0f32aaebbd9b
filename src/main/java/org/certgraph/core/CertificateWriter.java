package org.certgraph.core;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.certgraph.cert.CertificateFacts;
import org.certgraph.graph.Graph;
import org.neo4j.driver.Record;

/**
 * Plans the writing of certificates with their bytes, together with the verified issuer links
 * of the ones new to the graph, for the batch's one transaction: a certificate is never stored
 * without the links that were found for it.
 */
final class CertificateWriter {

    /**
     * The statements that write one batch, to run in the batch's transaction, and the
     * certificates in it that are new to the graph.
     */
    record Planned(List<Graph.Step> steps, int created) {

        /** Verified issuer links written, from the records of the planned steps. */
        int links(List<List<Record>> results) {
            return steps.size() < 2 ? 0 : results.get(1).get(0).get("written").asInt();
        }
    }

    private final Graph graph;
    private final IssuerIndex issuers;
    private final ChainLinker linker;
    private long linkNanos;

    CertificateWriter(Graph graph, IssuerIndex issuers) {
        this.graph = graph;
        this.issuers = issuers;
        this.linker = new ChainLinker(graph, issuers);
    }

    /**
     * Finds which certificates of the batch are new, and the verified issuer links of those,
     * and returns the statements that write them all. {@code earlierWrites} waits until the
     * batches before this one are in the graph; it is called only when the batch holds a new
     * issuer whose children may be among them.
     */
    Planned plan(Collection<CertificateFacts> batch, String source, String stamp,
                 OffsetDateTime now, Runnable earlierWrites) {
        if (batch.isEmpty()) {
            return new Planned(List.of(), 0);
        }
        Map<String, CertificateFacts> bySha1 = new LinkedHashMap<>();
        batch.forEach(c -> bySha1.putIfAbsent(c.sha1(), c));
        Set<String> known = graph.read("certificates-known",
                Map.of("sha1s", List.copyOf(bySha1.keySet())),
                records -> records.stream().map(r -> r.get("sha1").asString())
                        .collect(Collectors.toSet()));
        List<CertificateFacts> created = bySha1.values().stream()
                .filter(c -> !known.contains(c.sha1())).toList();

        long start = System.nanoTime();
        issuers.addAll(bySha1.values());
        List<Map<String, Object>> links = linker.links(created, earlierWrites);
        linkNanos += System.nanoTime() - start;

        List<Map<String, Object>> rows = new ArrayList<>(bySha1.size());
        bySha1.values().forEach(c -> rows.add(row(c)));
        List<Graph.Step> steps = new ArrayList<>(2);
        steps.add(Graph.Step.named("certificates-upsert",
                Map.of("rows", rows, "source", source, "stamp", stamp, "now", now)));
        if (!links.isEmpty()) {
            steps.add(Graph.Step.named("chain-link", Map.of("links", links, "now", now)));
        }
        return new Planned(steps, created.size());
    }

    /** Time spent linking chains so far, in nanoseconds. */
    long linkNanos() {
        return linkNanos;
    }

    private static Map<String, Object> row(CertificateFacts c) {
        Map<String, Object> props = new HashMap<>();
        props.put("sha1", c.sha1());
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
        props.put("ca", c.isCA());
        props.put("root", c.selfSigned());
        props.put("leaf", !c.isCA() && !c.selfSigned());
        return props;
    }
}
