package org.certgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import graphql.ExecutionResult;
import org.certgraph.api.GraphQLService;
import org.certgraph.core.CertGraph;
import org.certgraph.graph.Graph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code certgraph query}: runs a GraphQL document and prints the JSON answer. */
@Command(name = "query", sortOptions = false,
        description = {"Runs a GraphQL document against the graph and prints the JSON response.",
            "Exits with 1 when the response has errors."})
final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    GraphOptions graphOptions;

    @Parameters(paramLabel = "FILE", description = "The GraphQL document; - reads standard input.")
    String file;

    @Option(names = "--variables", paramLabel = "JSON",
            description = "Variables as a JSON object, e.g. '{\"sha1\": \"ab12…\"}'.")
    String variables;

    @Option(names = "--operation", paramLabel = "NAME",
            description = "Which operation of the document to run, when it has several.")
    String operationName;

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String document = readDocument();
        Map<String, Object> vars = parseVariables(json);
        ExecutionResult result;
        try (Graph graph = graphOptions.open()) {
            result = new GraphQLService(new CertGraph(graph))
                    .execute(document, vars, operationName);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.writeValueAsString(result.toSpecification()));
        out.flush();
        return result.getErrors().isEmpty() ? ExitCode.OK : ExitCode.QUERY_ERRORS;
    }

    private String readDocument() throws IOException {
        if ("-".equals(file)) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file; give the path of a "
                    + "GraphQL document, or - to read standard input.");
        }
    }

    private Map<String, Object> parseVariables(ObjectMapper json) {
        if (variables == null || variables.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> parsed = json.readValue(variables, new TypeReference<>() { });
            return parsed == null ? Map.of() : parsed;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--variables is not a JSON object: "
                    + e.getOriginalMessage() + ". Write it like '{\"name\": \"value\"}'.");
        }
    }
}
