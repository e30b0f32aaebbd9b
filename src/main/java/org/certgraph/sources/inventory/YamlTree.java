package org.certgraph.sources.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML document as a small tree whose every node knows the line it starts on, so that messages
 * can point users at the line to fix. Mappings keep their key order; scalars are kept as text
 * (YAML's {@code 4.0} stays "4.0", never the number 4). Only what certgraph's own YAML formats
 * need: one document of mappings, sequences and scalars.
 */
public final class YamlTree {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    /** The kinds of node. */
    public enum Kind { MAP, LIST, SCALAR, NULL }

    /** A YAML syntax error: the document cannot be read at all. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final long line;

        SyntaxException(long line, String message) {
            super(message);
            this.line = line;
        }

        /** The line of the error, 0 when not known. */
        public long line() {
            return line;
        }
    }

    /** One node: a mapping, a sequence, a scalar or an empty value, with its first line. */
    public static final class Node {
        private final Kind kind;
        private final long line;
        private final Map<String, Node> entries;
        private final Map<String, Long> keyLines;
        private final List<Node> items;
        private final String text;

        private Node(Kind kind, long line, Map<String, Node> entries, Map<String, Long> keyLines,
                     List<Node> items, String text) {
            this.kind = kind;
            this.line = line;
            this.entries = entries;
            this.keyLines = keyLines;
            this.items = items;
            this.text = text;
        }

        public Kind kind() {
            return kind;
        }

        /** The line the node starts on (1-based). */
        public long line() {
            return line;
        }

        public boolean isMap() {
            return kind == Kind.MAP;
        }

        public boolean isList() {
            return kind == Kind.LIST;
        }

        public boolean isScalar() {
            return kind == Kind.SCALAR;
        }

        public boolean isNull() {
            return kind == Kind.NULL;
        }

        /** The entries of a mapping in file order (empty for other kinds). */
        public Map<String, Node> entries() {
            return entries;
        }

        /** The value of {@code key} in a mapping, or null when absent. */
        public Node get(String key) {
            return entries.get(key);
        }

        /** The line of {@code key} in a mapping, or the mapping's own line when absent. */
        public long lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }

        /** The items of a sequence (empty for other kinds). */
        public List<Node> items() {
            return items;
        }

        /** The text of a scalar, stripped; null for other kinds. */
        public String text() {
            return text;
        }

        /** The text of the scalar at {@code key}, or null when absent, empty or not a scalar. */
        public String text(String key) {
            Node value = entries.get(key);
            if (value == null || !value.isScalar() || value.text.isEmpty()) {
                return null;
            }
            return value.text;
        }

        /** The keys of this mapping that are not in {@code allowed}, in file order. */
        public List<String> unknownKeys(Set<String> allowed) {
            List<String> unknown = new ArrayList<>();
            for (String key : entries.keySet()) {
                if (!allowed.contains(key)) {
                    unknown.add(key);
                }
            }
            return unknown;
        }

        /** "a mapping", "a list", "a value" or "empty", for messages. */
        public String describe() {
            return switch (kind) {
                case MAP -> "a mapping (key: value lines)";
                case LIST -> "a list (lines starting with '-')";
                case SCALAR -> "the value \"" + text + "\"";
                case NULL -> "empty";
            };
        }
    }

    /** A problem with a node: the line and a sentence for the user. */
    public record Problem(long line, String message) {
    }

    private YamlTree() {
    }

    /**
     * Reads one YAML document. Duplicate keys are reported in {@code duplicates} (the later value
     * wins), so that a caller can warn without refusing the file.
     *
     * @throws SyntaxException when the text is not YAML; the message says where and why
     */
    public static Node read(Reader reader, List<Problem> duplicates)
            throws IOException, SyntaxException {
        try (JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Node(Kind.NULL, 1, Map.of(), Map.of(), List.of(), null);
            }
            return readValue(parser, duplicates);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            long line = where == null ? 0 : where.getLineNr();
            throw new SyntaxException(line, e.getOriginalMessage());
        }
    }

    private static Node readValue(JsonParser parser, List<Problem> duplicates)
            throws IOException {
        JsonToken token = parser.currentToken();
        long line = parser.currentTokenLocation().getLineNr();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Long> keyLines = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                long keyLine = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                Node value = readValue(parser, duplicates);
                if (entries.containsKey(key)) {
                    duplicates.add(new Problem(keyLine, "the key \"" + key + "\" appears again"
                            + " (first at line " + keyLines.get(key) + "); the later value is"
                            + " used: remove one of them"));
                }
                entries.put(key, value);
                keyLines.put(key, keyLine);
            }
            long first = keyLines.isEmpty() ? line : keyLines.values().iterator().next();
            return new Node(Kind.MAP, first, Collections.unmodifiableMap(entries),
                    Collections.unmodifiableMap(keyLines), List.of(), null);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(readValue(parser, duplicates));
            }
            return new Node(Kind.LIST, line, Map.of(), Map.of(),
                    Collections.unmodifiableList(items), null);
        }
        if (token == JsonToken.VALUE_NULL) {
            return new Node(Kind.NULL, line, Map.of(), Map.of(), List.of(), null);
        }
        return new Node(Kind.SCALAR, line, Map.of(), Map.of(), List.of(), parser.getText().strip());
    }

    /** The allowed keys, sorted and joined for a message. */
    public static String listKeys(Set<String> allowed) {
        return String.join(", ", new TreeSet<>(allowed));
    }
}
