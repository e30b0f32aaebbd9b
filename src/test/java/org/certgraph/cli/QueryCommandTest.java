package org.certgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.certgraph.graph.EmbeddedNeo4j;
import org.certgraph.testing.TestNeo4j;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code certgraph query}: exit codes, variables, and where the graph comes from. */
class QueryCommandTest {

    @TempDir
    Path dir;

    private String uri;

    @BeforeEach
    void emptyGraph() {
        TestNeo4j.emptyGraph();
        uri = TestNeo4j.boltUri();
    }

    @Test
    void printsTheJsonAnswerAndExitsZero() throws Exception {
        Path query = write("q.graphql", "{ health { status } }");
        CliRun run = CliRun.of("query", query.toString(), "--neo4j-uri", uri);
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("\"status\" : \"UP\"");
    }

    @Test
    void passesVariables() throws Exception {
        Path query = write("q.graphql",
                "query($h: SignatureHash) { certificates(filter: {signatureHash: $h}) "
                        + "{ totalCount } }");
        CliRun run = CliRun.of("query", query.toString(), "--variables", "{\"h\": \"SHA1\"}",
                "--neo4j-uri", uri);
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("\"totalCount\" : 0");
    }

    @Test
    void graphQLErrorsExitWithOne() throws Exception {
        Path query = write("q.graphql", "{ noSuchField }");
        CliRun run = CliRun.of("query", query.toString(), "--neo4j-uri", uri);
        assertThat(run.exitCode()).isEqualTo(ExitCode.QUERY_ERRORS);
        assertThat(run.out()).contains("noSuchField");
    }

    @Test
    void brokenVariablesAreBadInputWithAHint() throws Exception {
        Path query = write("q.graphql", "{ health { status } }");
        CliRun run = CliRun.of("query", query.toString(), "--variables", "{nope",
                "--neo4j-uri", uri);
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--variables is not a JSON object");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingDocumentIsBadInputNamingThePath() {
        CliRun run = CliRun.of("query", dir.resolve("nope.graphql").toString(),
                "--neo4j-uri", uri);
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("nope.graphql: no such file");
    }

    @Test
    void unknownOptionIsBadInput() {
        CliRun run = CliRun.of("query", "--frobnicate", "x");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--frobnicate").contains("--help");
    }

    @Test
    void unreachableNeo4jSaysSoAndExitsThree() throws Exception {
        Path query = write("q.graphql", "{ health { status } }");
        CliRun run = CliRun.of("query", query.toString(), "--neo4j-uri", "bolt://127.0.0.1:1");
        assertThat(run.exitCode()).isEqualTo(ExitCode.GRAPH_UNAVAILABLE);
        assertThat(run.err()).contains("Cannot reach Neo4j at bolt://127.0.0.1:1");
    }

    @Test
    void externalNeo4jStartsNothingEmbedded() throws Exception {
        Path query = write("q.graphql", "{ health { status } }");
        Path data = dir.resolve("never-created");
        CliRun run = CliRun.of("query", query.toString(), "--neo4j-uri", uri,
                "--data", data.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(data).doesNotExist();
    }

    @Test
    void aFolderHeldByServeIsReportedWithWhereToReachIt() throws Exception {
        Path query = write("q.graphql", "{ health { status } }");
        Path data = dir.resolve("data");
        try (EmbeddedNeo4j serving = EmbeddedNeo4j.start(data, 0, -1)) {
            serving.advertise("http://127.0.0.1:8080/graphql");
            CliRun run = CliRun.of("query", query.toString(), "--data", data.toString());
            assertThat(run.exitCode()).isEqualTo(ExitCode.GRAPH_UNAVAILABLE);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).contains("in use by a running certgraph serve")
                    .contains("--neo4j-uri " + serving.boltUri());
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
