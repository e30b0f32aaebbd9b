package org.certgraph.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certgraph.cert.CertificateFacts;
import org.certgraph.graph.Graph;
import org.neo4j.driver.Record;

/**
 * Finds the verified issuer links of new certificates, in both directions: new children to
 * issuers the graph or this import already holds (from the in-memory {@link IssuerIndex}), and
 * new issuers to children already in the graph (from indexes on key ids and canonical names).
 * A link counts only when the issuer's public key verifies the child's signature. Self-signed
 * certificates get no issuer link: they are the end of every chain.
 */
final class ChainLinker {

    /** Batches with at least this many signatures to check are checked in parallel. */
    private static final int PARALLEL_FROM = 64;

    private final Graph graph;
    private final IssuerIndex issuers;

    ChainLinker(Graph graph, IssuerIndex issuers) {
        this.graph = graph;
        this.issuers = issuers;
    }

    /**
     * The verified links of the given certificates, new to the graph, as {child, issuer} rows.
     * The batch's own issuers must already be in the index. {@code earlierWrites} is run before
     * the graph is asked for children of a new issuer, so that children still on their way to
     * it are found too.
     */
    List<Map<String, Object>> links(List<CertificateFacts> certificates,
                                    Runnable earlierWrites) {
        Map<String, CertificateFacts> bySha1 = new HashMap<>();
        certificates.forEach(c -> bySha1.put(c.sha1(), c));
        List<Map<String, Object>> links = new ArrayList<>(verifiedIssuers(certificates));
        links.addAll(verifiedChildren(bySha1, earlierWrites));
        return links;
    }

    private List<Map<String, Object>> verifiedIssuers(List<CertificateFacts> certificates) {
        List<Check> checks = new ArrayList<>(certificates.size());
        for (CertificateFacts c : certificates) {
            if (c.selfSigned()) {
                continue;
            }
            for (IssuerIndex.Issuer issuer : issuers.candidates(c)) {
                checks.add(new Check(c.sha1(), issuer, c.der()));
            }
        }
        return verified(checks);
    }

    private List<Map<String, Object>> verifiedChildren(Map<String, CertificateFacts> bySha1,
                                                       Runnable earlierWrites) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CertificateFacts c : bySha1.values()) {
            if (!IssuerIndex.mayIssue(c)) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("sha1", c.sha1());
            row.put("ski", c.subjectKeyId());
            row.put("subjectKey", c.subjectKey());
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        earlierWrites.run();
        List<Record> candidates = graph.read("chain-child-candidates",
                Map.of("issuers", rows), records -> records);
        List<Check> checks = new ArrayList<>(candidates.size());
        for (Record r : candidates) {
            String child = r.get("child").asString();
            if (bySha1.containsKey(child)) {
                continue; // a child in the same batch was checked from its own side
            }
            checks.add(new Check(child, issuers.get(r.get("issuer").asString()),
                    r.get("childDer").asByteArray()));
        }
        return verified(checks);
    }

    /** A candidate link: whether the issuer's key verifies the signature of {@code childDer}. */
    private record Check(String child, IssuerIndex.Issuer issuer, byte[] childDer) {
    }

    /**
     * The links whose signatures verify. Checks run on every core for large batches: a
     * signature check (an ECDSA verification above all) costs far more than the queries around
     * it. Verifiers are immutable and thread-safe.
     */
    private static List<Map<String, Object>> verified(List<Check> checks) {
        var stream = checks.size() >= PARALLEL_FROM ? checks.parallelStream() : checks.stream();
        return stream.filter(c -> c.issuer().verifier().verifies(c.childDer()))
                .map(c -> Map.<String, Object>of("child", c.child(), "issuer", c.issuer().sha1))
                .toList();
    }
}
