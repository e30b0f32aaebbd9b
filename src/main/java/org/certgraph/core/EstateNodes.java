package org.certgraph.core;

import java.util.List;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** The estate as the graph holds it: pools, servers, services, authorities, templates, phones. */
public final class EstateNodes {

    private EstateNodes() {
    }

    /** A pool: servers behind one name that serve the same services. */
    public record PoolNode(String fqdn, String site, List<ServerNode> servers,
                           List<ServiceNode> services, long phoneCount) {
    }

    /** A server; {@code pool} is the fqdn of the pool it is a member of, or null. */
    public record ServerNode(String fqdn, String site, String role, String os, String pool) {
        static ServerNode of(Node n, String pool) {
            return new ServerNode(n.get("fqdn").asString(), text(n, "site"), text(n, "role"),
                    text(n, "os"), pool != null ? pool : text(n, "pool"));
        }
    }

    /** What clients connect to; its servers present their certificate for {@code use}. */
    public record ServiceNode(String id, String role, String pool, String use,
                              List<String> hostedBy) {
        static ServiceNode of(Node n, List<String> hostedBy) {
            return new ServiceNode(n.get("id").asString(), text(n, "role"), text(n, "pool"),
                    text(n, "use"), hostedBy);
        }
    }

    /** A certificate a server presents for a use. */
    public record AssignmentNode(String use, CertificateNode certificate) {
    }

    /** A certification authority. */
    public record AuthorityNode(String name, List<CertificateNode> certificates, long issuedCount,
                                List<String> templates, Long pendingRequests,
                                Long failedRequests, Long deniedRequests) {
        static AuthorityNode of(Node n, List<CertificateNode> certificates, long issued,
                                List<String> templates) {
            return new AuthorityNode(n.get("name").asString(), certificates, issued, templates,
                    number(n, "pendingRequests"), number(n, "failedRequests"),
                    number(n, "deniedRequests"));
        }
    }

    /** A certificate template. */
    public record TemplateNode(String name, String displayName, String oid, Long schemaVersion,
                               Long minimumKeySize, List<String> ekus, String validity,
                               long certificateCount, List<String> publishedBy) {
        static TemplateNode of(Node n, long certificates, List<String> publishedBy) {
            return new TemplateNode(n.get("name").asString(), text(n, "displayName"),
                    text(n, "oid"), number(n, "schemaVersion"), number(n, "minimumKeySize"),
                    strings(n, "ekus"), text(n, "validity"), certificates, publishedBy);
        }
    }

    /** A phone, or a counted group of identical phones. */
    public record PhoneNode(String id, String sipAddress, long count, String model,
                            String firmware, String pool) {
    }

    static String text(Node n, String key) {
        Value v = n.get(key);
        return v.isNull() ? null : v.asObject().toString();
    }

    static Long number(Node n, String key) {
        Value v = n.get(key);
        return v.isNull() ? null : v.asLong();
    }

    static List<String> strings(Node n, String key) {
        Value v = n.get(key);
        return v.isNull() ? List.of() : v.asList(x -> x.asObject().toString());
    }
}
