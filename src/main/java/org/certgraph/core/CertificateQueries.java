package org.certgraph.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certgraph.graph.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Read questions about certificates and trust lists; batched where GraphQL nests them. */
final class CertificateQueries {

    static final int MAX_PAGE = 1_000;

    private final Graph graph;

    CertificateQueries(Graph graph) {
        this.graph = graph;
    }

    Optional<CertificateNode> byThumbprint(String normalised) {
        return graph.read("certificate-by-thumbprint", Map.of("thumbprint", normalised),
                records -> records.stream().findFirst()
                        .map(r -> CertificateNode.of(r.get("c").asNode())));
    }

    Page<CertificateNode> page(CertificateFilter filter, int first, String after) {
        int size = Math.max(0, Math.min(first, MAX_PAGE));
        Map<String, Object> params = filter.parameters();
        int total = graph.read("certificates-count", params,
                records -> records.get(0).get("total").asInt());
        params.put("after", after);
        params.put("first", size + 1);
        List<CertificateNode> nodes = graph.read("certificates-page", params,
                records -> records.stream().map(r -> CertificateNode.of(r.get("c").asNode()))
                        .toList());
        boolean more = nodes.size() > size;
        List<CertificateNode> shown = more ? nodes.subList(0, size) : nodes;
        String end = shown.isEmpty() ? null : shown.get(shown.size() - 1).sha1();
        return new Page<>(total, shown, more, end);
    }

    Map<String, List<CertificateNode>> issuers(Collection<String> sha1s) {
        return Grouped.load(graph, "certificate-issuers", "sha1s", sha1s, "sha1",
                r -> CertificateNode.of(r.get("issuer").asNode()));
    }

    Map<String, List<List<CertificateNode>>> chains(Collection<String> sha1s) {
        return Grouped.load(graph, "certificate-chains", "sha1s", sha1s, "sha1",
                r -> r.get("chain").asList(v -> CertificateNode.of(v.asNode())));
    }

    Map<String, List<TrustListNode>> trustListsOf(Collection<String> sha1s) {
        return Grouped.load(graph, "certificate-trust-lists", "sha1s", sha1s, "sha1",
                r -> TrustListNode.of(r.get("t").asNode(), r.get("entries").asInt()));
    }

    List<TrustListNode> trustLists(Collection<String> ids) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", ids == null ? null : List.copyOf(ids));
        return graph.read("trust-lists", params, records -> records.stream()
                .map(r -> TrustListNode.of(r.get("t").asNode(), r.get("entries").asInt()))
                .toList());
    }

    List<CertificateNode> expiring(java.time.Instant before) {
        return graph.read("expiring", Map.of("before",
                before.atOffset(java.time.ZoneOffset.UTC)), records -> records.stream()
                .map(r -> CertificateNode.of(r.get("c").asNode())).toList());
    }

    GraphStats stats() {
        return graph.read("graph-stats", Map.of(), records -> {
            Record r = records.get(0);
            return new GraphStats(count(r.get("certificates")), count(r.get("trustLists")),
                    count(r.get("issuerLinks")));
        });
    }

    private static long count(Value v) {
        return v.asLong();
    }
}
