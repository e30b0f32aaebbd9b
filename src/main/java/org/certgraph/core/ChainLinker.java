package org.certgraph.core;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certgraph.cert.CertificateFacts;
import org.certgraph.cert.Verifier;
import org.certgraph.graph.Graph;
import org.neo4j.driver.Record;

/**
 * Links certificates to the certificates that issued them, in both directions: new children to
 * issuers already in the graph, and new issuers to children already in the graph. Candidates
 * come from indexes on key ids and canonical names; an {@code ISSUED_BY} edge is written only
 * when the issuer's public key verifies the child's signature. Self-signed certificates get no
 * issuer edge: they are the end of every chain.
 */
final class ChainLinker {

    /** Batches with at least this many signatures to check are checked in parallel. */
    private static final int PARALLEL_FROM = 64;

    private final Graph graph;

    ChainLinker(Graph graph) {
        this.graph = graph;
    }

    /** Links the given certificates, which are already nodes; returns the new edge count. */
    int link(List<CertificateFacts> certificates, OffsetDateTime now) {
        Map<String, CertificateFacts> bySha1 = new HashMap<>();
        certificates.forEach(c -> bySha1.put(c.sha1(), c));

        List<Map<String, Object>> links = new ArrayList<>();
        links.addAll(verifiedIssuers(bySha1));
        links.addAll(verifiedChildren(bySha1));
        if (links.isEmpty()) {
            return 0;
        }
        return graph.write("chain-link", Map.of("links", links, "now", now),
                records -> records.get(0).get("created").asInt());
    }

    private List<Map<String, Object>> verifiedIssuers(Map<String, CertificateFacts> bySha1) {
        List<Map<String, Object>> children = new ArrayList<>();
        for (CertificateFacts c : bySha1.values()) {
            if (c.selfSigned()) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("sha1", c.sha1());
            row.put("aki", c.authorityKeyId());
            row.put("issuerKey", c.issuerKey());
            children.add(row);
        }
        if (children.isEmpty()) {
            return List.of();
        }
        List<Record> candidates = graph.read("chain-issuer-candidates",
                Map.of("children", children), records -> records);
        Map<String, Verifier> verifiers = new HashMap<>();
        List<Check> checks = new ArrayList<>(candidates.size());
        for (Record r : candidates) {
            String issuer = r.get("issuer").asString();
            Verifier key = verifiers.computeIfAbsent(issuer,
                    k -> Verifier.forIssuer(r.get("issuerDer").asByteArray()));
            String child = r.get("child").asString();
            checks.add(new Check(child, issuer, key, bySha1.get(child).der()));
        }
        return verified(checks);
    }

    private List<Map<String, Object>> verifiedChildren(Map<String, CertificateFacts> bySha1) {
        List<Map<String, Object>> issuers = new ArrayList<>();
        for (CertificateFacts c : bySha1.values()) {
            if (!mayIssue(c)) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("sha1", c.sha1());
            row.put("ski", c.subjectKeyId());
            row.put("subjectKey", c.subjectKey());
            issuers.add(row);
        }
        if (issuers.isEmpty()) {
            return List.of();
        }
        List<Record> candidates = graph.read("chain-child-candidates",
                Map.of("issuers", issuers), records -> records);
        Map<String, Verifier> verifiers = new HashMap<>();
        List<Check> checks = new ArrayList<>(candidates.size());
        for (Record r : candidates) {
            String issuer = r.get("issuer").asString();
            String child = r.get("child").asString();
            if (bySha1.containsKey(child)) {
                continue; // a child imported in the same run was checked from its own side
            }
            Verifier key = verifiers.computeIfAbsent(issuer,
                    k -> Verifier.forIssuer(bySha1.get(k).der()));
            checks.add(new Check(child, issuer, key, r.get("childDer").asByteArray()));
        }
        return verified(checks);
    }

    /** A candidate link: whether {@code key} verifies the signature of {@code childDer}. */
    private record Check(String child, String issuer, Verifier key, byte[] childDer) {
    }

    /**
     * The links whose signatures verify. Checks run on every core for large batches: a
     * signature check (an ECDSA verification above all) costs far more than the queries around
     * it. Verifiers are immutable and thread-safe.
     */
    private static List<Map<String, Object>> verified(List<Check> checks) {
        var stream = checks.size() >= PARALLEL_FROM ? checks.parallelStream() : checks.stream();
        return stream.filter(c -> c.key().verifies(c.childDer()))
                .map(c -> Map.<String, Object>of("child", c.child(), "issuer", c.issuer()))
                .toList();
    }

    /** CA certificates, and version 1 certificates that predate the CA flag. */
    private static boolean mayIssue(CertificateFacts c) {
        return c.isCA() || c.version() < 3 || c.keyUsages().contains("keyCertSign");
    }
}
