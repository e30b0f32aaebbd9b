package org.certgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.certgraph.core.CertGraph;
import org.certgraph.testing.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP contract: GraphQL over HTTP, the playground and health, on a real server. */
class ApiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiServer server;
    private static String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        CertGraph core = TestNeo4j.emptyGraph();
        server = ApiServer.start(new GraphQLService(core), core, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void postAnswersAQueryWithJson() throws Exception {
        HttpResponse<String> r = post("{\"query\":\"{ health { status } }\"}", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(r.body()).at("/data/health/status").asText()).isEqualTo("UP");
    }

    @Test
    void getAnswersAQueryWithVariables() throws Exception {
        String query = "query($f: CertificateFilter) { certificates(filter: $f) { totalCount } }";
        HttpResponse<String> r = get("?query=" + enc(query) + "&variables="
                + enc("{\"f\": {\"isCA\": true}}"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).at("/data/certificates/totalCount").asInt()).isZero();
    }

    @Test
    void getRefusesMutationsWith405() throws Exception {
        HttpResponse<String> r = get("?query=" + enc("mutation { anything }"));
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void postWithoutJsonContentTypeIsRefusedWith415() throws Exception {
        HttpResponse<String> r = post("{ health { status } }", "text/plain");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(errorMessage(r)).contains("application/json");
    }

    @Test
    void brokenJsonBodyIsRefusedWith400() throws Exception {
        HttpResponse<String> r = post("{\"query\": ", "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errorMessage(r)).startsWith("The request body is not valid JSON");
    }

    @Test
    void bodyWithoutQueryIsRefusedWith400() throws Exception {
        HttpResponse<String> r = post("{\"variables\": {}}", "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errorMessage(r)).contains("\"query\"");
    }

    @Test
    void syntaxErrorIs400ForGraphQLResponseClientsAnd200ForJsonClients() throws Exception {
        String body = "{\"query\":\"{ health { \"}";
        HttpResponse<String> modern = send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", ApiServer.GRAPHQL_RESPONSE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        HttpResponse<String> legacy = post(body, "application/json");

        assertThat(modern.statusCode()).isEqualTo(400);
        assertThat(modern.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith(ApiServer.GRAPHQL_RESPONSE));
        assertThat(legacy.statusCode()).isEqualTo(200);
        assertThat(errorMessage(legacy)).contains("Invalid syntax");
    }

    @Test
    void queriesDeeperThanTheLimitAreRefusedBeforeRunning() throws Exception {
        String deep = "{ certificate(sha1: \"" + "A".repeat(40) + "\") { "
                + "issuedBy { ".repeat(40) + "sha1" + " }".repeat(40) + " } }";
        HttpResponse<String> r = post(JSON.writeValueAsString(java.util.Map.of("query", deep)),
                "application/json");
        assertThat(errorMessage(r)).containsIgnoringCase("depth");
        assertThat(JSON.readTree(r.body()).has("data")).isFalse();
    }

    @Test
    void theIntrospectionQueryOfGraphiQLIsNotHeldToTheDataLimits() throws Exception {
        String introspection = graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY;
        HttpResponse<String> r = post(JSON.writeValueAsString(
                java.util.Map.of("query", introspection)), "application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.has("errors")).as(r.body()).isFalse();
        assertThat(body.at("/data/__schema/queryType/name").asText()).isEqualTo("Query");
    }

    @Test
    void badThumbprintGivesAMessageThatNamesIt() throws Exception {
        HttpResponse<String> r = post("{\"query\":\"{ certificate(sha1: \\\"xyz\\\") { sha1 } }\"}",
                "application/json");
        assertThat(errorMessage(r)).contains("xyz");
    }

    @Test
    void playgroundLoadsGraphiQLFromThisServerWithTheExamples() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/")).build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("/webjars/graphiql/2.4.7/graphiql.min.js")
                .contains("query Sha1SignedRoots")
                .doesNotContain("src=\"http")
                .doesNotContain("href=\"http");
        for (String asset : new String[] {
            Playground.GRAPHIQL + "graphiql.min.js", Playground.GRAPHIQL + "graphiql.min.css",
            Playground.REACT + "react.production.min.js",
            Playground.REACT_DOM + "react-dom.production.min.js"}) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + asset)).build());
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.body()).as(asset).hasSizeGreaterThan(1_000);
        }
    }

    @Test
    void healthSaysUpWithCounts() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/health")).build());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.has("certificates")).isTrue();
    }

    private HttpResponse<String> post(String body, String contentType) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> get(String queryString) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/graphql" + queryString)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String errorMessage(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body()).at("/errors/0/message").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
