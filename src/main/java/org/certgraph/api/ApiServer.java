package org.certgraph.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.certgraph.core.CertGraph;
import org.certgraph.core.GraphStats;

/**
 * certgraph over HTTP: GraphQL at {@code /graphql} following the GraphQL-over-HTTP conventions
 * (POST with a JSON body; GET with query parameters for queries only), the GraphiQL playground
 * at {@code /}, and {@code /health}. It listens on loopback unless told otherwise.
 */
public final class ApiServer implements AutoCloseable {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String JSON = "application/json";

    private final Javalin app;
    private final GraphQLService graphQL;
    private final CertGraph core;
    private final ObjectMapper json = new ObjectMapper();
    private final String playground;

    private ApiServer(GraphQLService graphQL, CertGraph core, String host, int port) {
        this.graphQL = graphQL;
        this.core = core;
        this.playground = Playground.page(json);
        this.app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.staticFiles.enableWebjars();
            config.routes.get("/", ctx -> ctx.html(playground));
            config.routes.get("/graphql", this::get);
            config.routes.post("/graphql", this::post);
            config.routes.get("/health", this::health);
            config.routes.exception(Exception.class, (e, ctx) -> internalError(ctx, e));
        });
    }

    /** Starts serving; {@code port} 0 picks a free port. */
    public static ApiServer start(GraphQLService graphQL, CertGraph core, String host, int port) {
        ApiServer server = new ApiServer(graphQL, core, host, port);
        try {
            server.app.start();
        } catch (RuntimeException e) {
            if (isBindFailure(e)) {
                throw new IllegalArgumentException("Port " + port + " on " + host + " is in use;"
                        + " stop what uses it, or choose another port with --port.");
            }
            throw e;
        }
        return server;
    }

    public int port() {
        return app.port();
    }

    private void post(Context ctx) throws JsonProcessingException {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith(JSON)) {
            requestError(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "POST /graphql takes a JSON body: send Content-Type: application/json.");
            return;
        }
        Map<String, Object> body;
        try {
            body = json.readValue(ctx.body(), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            requestError(ctx, HttpStatus.BAD_REQUEST, "The request body is not valid JSON: "
                    + e.getOriginalMessage());
            return;
        }
        if (body == null || !(body.get("query") instanceof String query) || query.isBlank()) {
            requestError(ctx, HttpStatus.BAD_REQUEST,
                    "The request body needs a \"query\" string with a GraphQL document.");
            return;
        }
        Object variables = body.get("variables");
        if (variables != null && !(variables instanceof Map)) {
            requestError(ctx, HttpStatus.BAD_REQUEST, "\"variables\" must be a JSON object.");
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = (Map<String, Object>) variables;
        Object operation = body.get("operationName");
        respond(ctx, graphQL.execute(query, vars, operation == null ? null : operation.toString()));
    }

    private void get(Context ctx) throws JsonProcessingException {
        String query = ctx.queryParam("query");
        if (query == null || query.isBlank()) {
            requestError(ctx, HttpStatus.BAD_REQUEST,
                    "GET /graphql needs a query parameter; the playground is at /.");
            return;
        }
        String operationName = ctx.queryParam("operationName");
        if (isMutation(query, operationName)) {
            ctx.header("Allow", "POST");
            requestError(ctx, HttpStatus.METHOD_NOT_ALLOWED, "Mutations are sent with POST.");
            return;
        }
        Map<String, Object> variables = null;
        String rawVariables = ctx.queryParam("variables");
        if (rawVariables != null && !rawVariables.isBlank()) {
            try {
                variables = json.readValue(rawVariables, new TypeReference<>() { });
            } catch (JsonProcessingException e) {
                requestError(ctx, HttpStatus.BAD_REQUEST,
                        "The variables parameter is not a JSON object: " + e.getOriginalMessage());
                return;
            }
        }
        respond(ctx, graphQL.execute(query, variables, operationName));
    }

    private void health(Context ctx) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            GraphStats stats = core.stats();
            body.put("status", "UP");
            body.put("certificates", stats.certificates());
            body.put("trustLists", stats.trustLists());
        } catch (RuntimeException e) {
            body.put("status", "DOWN");
            body.put("reason", "the graph database does not answer: " + e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
        }
        ctx.contentType(JSON).result(json.writeValueAsString(body));
    }

    private void respond(Context ctx, ExecutionResult result) throws JsonProcessingException {
        boolean wantsGraphQLResponse = accepts(ctx, GRAPHQL_RESPONSE);
        if (wantsGraphQLResponse && !result.isDataPresent()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        ctx.contentType(wantsGraphQLResponse ? GRAPHQL_RESPONSE : JSON)
                .result(json.writeValueAsString(result.toSpecification()));
    }

    private void requestError(Context ctx, HttpStatus status, String message)
            throws JsonProcessingException {
        Map<String, Object> body = Map.of("errors", List.of(Map.of("message", message)));
        ctx.status(status)
                .contentType(accepts(ctx, GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE : JSON)
                .result(json.writeValueAsString(body));
    }

    private void internalError(Context ctx, Exception e) {
        System.getLogger(ApiServer.class.getName())
                .log(System.Logger.Level.WARNING, "Request " + ctx.path() + " failed", e);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(JSON)
                .result("{\"errors\":[{\"message\":"
                        + "\"Internal error; the server log has details.\"}]}");
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || String.valueOf(t.getMessage())
                    .contains("already in use")) {
                return true;
            }
        }
        return false;
    }

    private static boolean accepts(Context ctx, String mediaType) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains(mediaType);
    }

    private static boolean isMutation(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return false; // execution reports the syntax error in the response
        }
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> operationName == null || operationName.equals(op.getName()))
                .anyMatch(op -> op.getOperation() == OperationDefinition.Operation.MUTATION);
    }

    @Override
    public void close() {
        app.stop();
    }
}
