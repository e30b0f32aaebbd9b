package org.certgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: a persistent folder, loopback only, Neo4j Browser, one owner. */
class EmbeddedNeo4jTest {

    @TempDir
    Path data;

    @Test
    void dataIsStillThereAfterAStopAndStart() {
        try (Graph graph = Graph.embedded(EmbeddedNeo4j.start(data, 0, -1))) {
            try (var session = graph.driver().session(graph.sessionConfig())) {
                session.run("CREATE (:Certificate {sha1: $sha1})", java.util.Map.of("sha1",
                        "0123456789ABCDEF0123456789ABCDEF01234567")).consume();
            }
        }
        try (Graph graph = Graph.embedded(EmbeddedNeo4j.start(data, 0, -1))) {
            try (var session = graph.driver().session(graph.sessionConfig())) {
                long count = session.run("MATCH (c:Certificate) RETURN count(c)").single()
                        .get(0).asLong();
                assertThat(count).isEqualTo(1);
            }
        }
    }

    @Test
    void servesNeo4jBrowserOnLoopback() throws Exception {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(data, 0, 0)) {
            assertThat(neo4j.boltUri()).startsWith("bolt://127.0.0.1:");
            String url = neo4j.browserUrl();
            assertThat(url).startsWith("http://127.0.0.1:").endsWith("/browser/");
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).containsIgnoringCase("neo4j browser");
        }
    }

    @Test
    void aSecondOwnerOfTheFolderIsRefusedWithAClearMessage() {
        try (EmbeddedNeo4j first = EmbeddedNeo4j.start(data, 0, -1)) {
            assertThatThrownBy(() -> EmbeddedNeo4j.start(data, 0, -1))
                    .isInstanceOf(GraphUnavailableException.class)
                    .hasMessageContaining("is in use by another certgraph process")
                    .hasMessageContaining("--neo4j-uri");
            assertThat(first.folder()).isEqualTo(data.toAbsolutePath().normalize());
        }
    }
}
