package org.certgraph.core;

import java.util.regex.Pattern;

import org.certgraph.graph.CypherLibrary;
import org.certgraph.sources.Model;

/**
 * The one place where names are spliced into Cypher: labels, relationship types and key
 * properties of the model, and nothing else. Values always travel as parameters.
 */
final class CypherNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private CypherNames() {
    }

    /** The statement of {@code cypher/NAME.cypher} for one label. */
    static String forLabel(String statement, String label) {
        return CypherLibrary.statement(statement)
                .replace("__LABEL__", label(label))
                .replace("__KEY__", name(keyOf(label)));
    }

    /** The statement of {@code cypher/NAME.cypher} for one relationship type and its ends. */
    static String forRelationship(String statement, String type, String from, String to) {
        String relKey = Model.RELATIONSHIP_KEYS.get(type);
        String text = CypherLibrary.statement(statement)
                .replace("__TYPE__", type(type))
                .replace("__FROM_KEY__", name(keyOf(from)))
                .replace("__TO_KEY__", name(keyOf(to)))
                .replace("__FROM__", label(from))
                .replace("__TO__", label(to));
        return relKey == null || relKey.isEmpty() ? text : text.replace("__REL_KEY__", name(relKey));
    }

    /** The statement of {@code cypher/NAME.cypher} for one relationship type. */
    static String forType(String statement, String type) {
        return CypherLibrary.statement(statement).replace("__TYPE__", type(type));
    }

    private static String keyOf(String label) {
        label(label);
        return Model.KEYS.get(label);
    }

    private static String label(String label) {
        if (!Model.LABELS.contains(label)) {
            throw new IllegalArgumentException("Not a label of the model: " + label);
        }
        return name(label);
    }

    private static String type(String type) {
        if (!Model.RELATIONSHIP_KEYS.containsKey(type)) {
            throw new IllegalArgumentException("Not a relationship type of the model: " + type);
        }
        return name(type);
    }

    private static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a name that may appear in Cypher: " + name);
        }
        return "`" + name + "`";
    }
}
