package org.certgraph.core;

import java.util.List;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** A trust list: a set of certificates that some relying party trusts. */
public record TrustListNode(String id, String kind, int entryCount, List<String> sources) {

    static TrustListNode of(Node n, int entries) {
        Value kind = n.get("kind");
        Value sources = n.get("sources");
        return new TrustListNode(n.get("id").asString(), kind.isNull() ? null : kind.asString(),
                entries, sources.isNull() ? List.of() : sources.asList(Value::asString));
    }
}
