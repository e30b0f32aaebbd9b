package org.certgraph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Cypher statements certgraph runs, read from the {@code cypher/} folder on the class path.
 *
 * <p>Each file holds one question; a file may hold several statements separated by a line that
 * ends with a semicolon (the schema does). Lines starting with {@code //} are comments and are
 * removed before the text reaches the database.
 */
public final class CypherLibrary {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private CypherLibrary() {
    }

    /** The statement in {@code cypher/NAME.cypher}. */
    public static String statement(String name) {
        return CACHE.computeIfAbsent(name, CypherLibrary::load);
    }

    /** The statements in {@code cypher/NAME.cypher}, in file order. */
    public static List<String> statements(String name) {
        List<String> result = new ArrayList<>();
        for (String part : statement(name).split(";\\s*(\\n|$)")) {
            if (!part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }

    private static String load(String name) {
        String resource = "/cypher/" + name + ".cypher";
        try (InputStream in = CypherLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing Cypher file " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder body = new StringBuilder();
            for (String line : text.split("\\R")) {
                if (!line.stripLeading().startsWith("//")) {
                    body.append(line).append('\n');
                }
            }
            return body.toString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
