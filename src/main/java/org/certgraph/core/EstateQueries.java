package org.certgraph.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certgraph.core.EstateNodes.AssignmentNode;
import org.certgraph.core.EstateNodes.AuthorityNode;
import org.certgraph.core.EstateNodes.PhoneNode;
import org.certgraph.core.EstateNodes.PoolNode;
import org.certgraph.core.EstateNodes.ServerNode;
import org.certgraph.core.EstateNodes.ServiceNode;
import org.certgraph.core.EstateNodes.TemplateNode;
import org.certgraph.graph.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Read questions about the estate: pools, servers, services, authorities, templates, phones. */
final class EstateQueries {

    private final Graph graph;

    EstateQueries(Graph graph) {
        this.graph = graph;
    }

    List<PoolNode> pools(String fqdn) {
        Map<String, Object> params = new HashMap<>();
        params.put("fqdn", fqdn);
        return graph.read("pools", params, records -> records.stream().map(r -> {
            var p = r.get("p").asNode();
            String pool = p.get("fqdn").asString();
            return new PoolNode(pool, EstateNodes.text(p, "site"),
                    r.get("servers").asList(v -> ServerNode.of(v.asNode(), pool)),
                    r.get("services").asList(v -> ServiceNode.of(v.asNode(), List.of(pool))),
                    r.get("phones").asLong());
        }).toList());
    }

    List<ServerNode> servers(String fqdn) {
        Map<String, Object> params = new HashMap<>();
        params.put("fqdn", fqdn);
        return graph.read("servers", params, records -> records.stream()
                .map(r -> ServerNode.of(r.get("s").asNode(),
                        r.get("pool").isNull() ? null : r.get("pool").asString()))
                .toList());
    }

    List<ServiceNode> services() {
        return graph.read("services", Map.of(), records -> records.stream()
                .map(r -> ServiceNode.of(r.get("s").asNode(),
                        r.get("hostedBy").asList(Value::asString)))
                .toList());
    }

    Map<String, List<AssignmentNode>> assignments(Collection<String> fqdns) {
        return Grouped.load(graph, "server-assignments", "fqdns", fqdns, "fqdn",
                r -> new AssignmentNode(r.get("use").asString(),
                        CertificateNode.of(r.get("c").asNode())));
    }

    Map<String, List<TrustListNode>> serverTrustLists(Collection<String> fqdns) {
        return Grouped.load(graph, "server-trust-lists", "fqdns", fqdns, "fqdn",
                r -> TrustListNode.of(r.get("t").asNode(), r.get("entries").asInt()));
    }

    List<AuthorityNode> authorities() {
        return graph.read("authorities", Map.of(), records -> records.stream()
                .map(r -> AuthorityNode.of(r.get("a").asNode(),
                        r.get("certificates").asList(v -> CertificateNode.of(v.asNode())),
                        r.get("issued").asLong(), r.get("templates").asList(Value::asString)))
                .toList());
    }

    List<TemplateNode> templates() {
        return graph.read("templates", Map.of(), records -> records.stream()
                .map(r -> TemplateNode.of(r.get("t").asNode(), r.get("certificates").asLong(),
                        r.get("publishedBy").asList(Value::asString)))
                .toList());
    }

    Page<PhoneNode> phones(String model, String firmware, String pool, int first, String after) {
        Map<String, Object> params = new HashMap<>();
        params.put("model", model);
        params.put("firmware", firmware);
        params.put("pool", pool);
        long total = graph.read("phones-count", params,
                records -> records.get(0).get("phones").asLong());
        params.put("after", after);
        int size = Math.max(0, Math.min(first, CertificateQueries.MAX_PAGE));
        params.put("first", size + 1);
        List<PhoneNode> nodes = graph.read("phones-page", params, records -> records.stream()
                .map(r -> {
                    var h = r.get("h").asNode();
                    return new PhoneNode(h.get("id").asString(),
                            EstateNodes.text(h, "sipAddress"), h.get("count").asLong(1),
                            text(r.get("model")), text(r.get("firmware")), text(r.get("pool")));
                }).toList());
        boolean more = nodes.size() > size;
        List<PhoneNode> shown = more ? nodes.subList(0, size) : nodes;
        String end = shown.isEmpty() ? null : shown.get(shown.size() - 1).id();
        return new Page<>((int) total, shown, more, end);
    }

    private static String text(Value v) {
        return v.isNull() ? null : v.asObject().toString();
    }
}
