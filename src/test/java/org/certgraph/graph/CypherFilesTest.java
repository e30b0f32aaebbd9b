package org.certgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.certgraph.testing.TestNeo4j;
import org.junit.jupiter.api.Test;

/**
 * Every Cypher file the project ships compiles on the real database (EXPLAIN plans it without
 * running it), and says what it takes and returns in its header.
 */
class CypherFilesTest {

    @Test
    void everyCypherFileHasAHeaderAndCompiles() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("cypher"))) {
            files = walk.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(30);
        TestNeo4j.emptyGraph();
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(text).as(file + " header").contains("// params:").contains("// returns:");
            String body = text.lines().filter(l -> !l.stripLeading().startsWith("//"))
                    .reduce("", (a, b) -> a + b + "\n")
                    .replace("__LABEL__", "Server").replace("__KEY__", "fqdn")
                    .replace("__TYPE__", "ASSIGNED").replace("__FROM_KEY__", "fqdn")
                    .replace("__TO_KEY__", "sha1").replace("__FROM__", "Server")
                    .replace("__TO__", "Certificate").replace("__REL_KEY__", "use");
            for (String statement : body.split(";\\s*(\\n|$)")) {
                if (!statement.isBlank()) {
                    String plan = TestNeo4j.explain(statement);
                    assertThat(plan).as(file.toString()).isNotBlank();
                }
            }
        }
    }
}
