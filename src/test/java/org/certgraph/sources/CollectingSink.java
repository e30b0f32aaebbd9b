package org.certgraph.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.certgraph.cert.CertificateFacts;

/** Keeps every fact a reader hands over, for tests that check a reader without a database. */
public final class CollectingSink implements FactSink {

    /** A node fact. */
    public record Node(String label, String key, Map<String, Object> properties) {
    }

    /** A relationship fact. */
    public record Rel(String type, String fromLabel, String fromKey, String toLabel, String toKey,
                      Map<String, Object> properties) {
        /** "FROM_KEY -TYPE-> TO_KEY", handy for set comparisons. */
        public String tuple() {
            return fromKey + " -" + type + "-> " + toKey;
        }
    }

    /** A problem fact. */
    public record Problem(long line, String message) {
    }

    public String sourceId;
    public final List<CertificateFacts> certificates = new ArrayList<>();
    public final List<String> certificateRefs = new ArrayList<>();
    public final List<Node> nodes = new ArrayList<>();
    public final List<Rel> relationships = new ArrayList<>();
    public final List<Problem> problems = new ArrayList<>();

    @Override
    public void begin(String id) {
        if (sourceId != null) {
            throw new IllegalStateException("begin called twice");
        }
        sourceId = id;
    }

    @Override
    public void certificate(CertificateFacts certificate) {
        started();
        certificates.add(certificate);
    }

    @Override
    public void certificateRef(String sha1) {
        started();
        certificateRefs.add(sha1);
    }

    @Override
    public void node(String label, String key, Map<String, Object> properties) {
        started();
        if (!Model.LABELS.contains(label)) {
            throw new IllegalArgumentException("not a label of the model: " + label);
        }
        nodes.add(new Node(label, key, properties));
    }

    @Override
    public void relationship(String type, String fromLabel, String fromKey, String toLabel,
                             String toKey, Map<String, Object> properties) {
        started();
        if (!Model.RELATIONSHIP_KEYS.containsKey(type)) {
            throw new IllegalArgumentException("not a relationship type of the model: " + type);
        }
        relationships.add(new Rel(type, fromLabel, fromKey, toLabel, toKey, properties));
    }

    @Override
    public void problem(long line, String message) {
        problems.add(new Problem(line, message));
    }

    /** The nodes of one label, by key. */
    public Map<String, Map<String, Object>> nodes(String label) {
        return nodes.stream().filter(n -> n.label().equals(label))
                .collect(Collectors.toMap(Node::key, Node::properties, (a, b) -> b));
    }

    /** The relationships of one type as "from -TYPE-> to" tuples. */
    public List<String> tuples(String type) {
        return relationships.stream().filter(r -> r.type().equals(type)).map(Rel::tuple).toList();
    }

    private void started() {
        if (sourceId == null) {
            throw new IllegalStateException("a fact came before begin(sourceId)");
        }
    }
}
