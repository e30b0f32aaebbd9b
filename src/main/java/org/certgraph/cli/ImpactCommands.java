package org.certgraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import org.certgraph.api.GraphQLService;
import org.certgraph.core.CertGraph;
import org.certgraph.graph.Graph;
import org.certgraph.impact.ChangeInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The impact questions from a shell: {@code impact}, {@code plan}, {@code readiness} and
 * {@code migration-plan}. Each asks the same GraphQL question the API answers, so
 * {@code --format json} is exactly the API's answer; tables and Markdown are made from it.
 */
final class ImpactCommands {

    private ImpactCommands() {
    }

    /** Output formats. */
    enum Format { table, json, markdown }

    /** What the impact commands share: where the graph is, the format, and running a query. */
    abstract static class Base implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        GraphOptions graphOptions;

        @Option(names = "--format", defaultValue = "table",
                description = "table (default), json (the GraphQL answer) or markdown.")
        Format format;

        /** Runs the named query of graphql/cli/ and prints its one field; returns the exit code. */
        int ask(String document, String field, Map<String, Object> variables) {
            ExecutionResult result;
            try (Graph graph = graphOptions.open()) {
                result = new GraphQLService(new CertGraph(graph)).execute(
                        query(document), variables, null);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (!result.getErrors().isEmpty()) {
                for (GraphQLError e : result.getErrors()) {
                    spec.commandLine().getErr().println("certgraph: " + e.getMessage());
                }
                return ExitCode.BAD_INPUT;
            }
            Map<String, Object> answer = Report.map(result.<Map<String, Object>>getData()
                    .get(field));
            out.print(render(answer));
            out.flush();
            return harmless(answer) ? ExitCode.OK : ExitCode.HARMFUL;
        }

        abstract String render(Map<String, Object> answer);

        abstract boolean harmless(Map<String, Object> answer);

        String json(Map<String, Object> answer) {
            try {
                return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(answer) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The document with the fragments it uses (GraphQL refuses unused ones). */
        private static String query(String document) {
            List<String> fragments = switch (document) {
                case "readiness" -> List.of("spec");
                case "impact" -> List.of("spec", "dependency", "impact-parts");
                default -> List.of("spec", "dependency", "impact-parts", "plan-parts");
            };
            StringBuilder text = new StringBuilder(resource("/graphql/cli/" + document
                    + ".graphql"));
            fragments.forEach(f -> text.append('\n')
                    .append(resource("/graphql/cli/fragment-" + f + ".graphql")));
            return text.toString();
        }

        private static String resource(String name) {
            try (InputStream in = ImpactCommands.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads a change file: a YAML or JSON list of changes, or a map with that list. */
    static List<Object> changes(Path file, String key) {
        Object parsed;
        try {
            byte[] bytes = "-".equals(file.toString()) ? System.in.readAllBytes()
                    : Files.readAllBytes(file);
            parsed = new ObjectMapper(new YAMLFactory()).readValue(bytes, Object.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file; give a YAML or JSON list "
                    + "of changes, or - for standard input.");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException(file + (at == null ? "" : ": line "
                    + at.getLineNr() + ", column " + at.getColumnNr()) + ": not YAML or JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "); see the "
                    + "README's change file examples.");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage()
                    + ").");
        }
        if (parsed instanceof Map<?, ?> m && m.get(key) instanceof List<?> l) {
            parsed = l;
        }
        if (!(parsed instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(file + ": expected a list of changes such as\n"
                    + "- removeTrust: {trustList: webservice:global, certificate: \"ab 12 …\"}");
        }
        for (int i = 0; i < list.size(); i++) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> item = list.get(i) instanceof Map<?, ?> m
                        ? (Map<String, Object>) m : null;
                ChangeInputs.parse(item);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": change " + (i + 1) + ": "
                        + e.getMessage());
            }
        }
        return List.copyOf(list);
    }

    /** {@code certgraph impact FILE}. */
    @Command(name = "impact", sortOptions = false,
            description = {"What a set of changes, applied together, does to every dependency.",
                "Exits 0 when nothing breaks, degrades or becomes unknown, 6 when something "
                    + "does, 2 for bad input."})
    static final class Impact extends Base {
        @Parameters(paramLabel = "FILE", description = "YAML or JSON list of changes; - reads "
                + "standard input.")
        Path file;

        @Option(names = "--at", paramLabel = "DATETIME",
                description = "Evaluate at this time instead of now, e.g. 2027-01-31T00:00:00Z.")
        String at;

        @Override
        public Integer call() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("changes", changes(file, "changes"));
            variables.put("at", at);
            return ask("impact", "impact", variables);
        }

        @Override
        String render(Map<String, Object> answer) {
            return format == Format.json ? json(answer)
                    : Report.impact(answer, format == Format.markdown);
        }

        @Override
        boolean harmless(Map<String, Object> answer) {
            Map<String, Object> s = Report.map(answer.get("summary"));
            return zero(s.get("broken")) && zero(s.get("degraded")) && zero(s.get("unknown"))
                    && zero(s.get("phonesAffected"));
        }
    }

    /** {@code certgraph plan FILE}. */
    @Command(name = "plan", sortOptions = false,
            description = {"Changes applied in order, with each step's verdicts and backout.",
                "Exits 0 when no step breaks, degrades or makes anything unknown, 6 when one "
                    + "does, 2 for bad input."})
    static final class Plan extends Base {
        @Parameters(paramLabel = "FILE", description = "YAML or JSON list of steps; - reads "
                + "standard input.")
        Path file;

        @Option(names = "--at", paramLabel = "DATETIME",
                description = "Evaluate at this time instead of now.")
        String at;

        @Override
        public Integer call() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("steps", changes(file, "steps"));
            variables.put("at", at);
            return ask("plan", "plan", variables);
        }

        @Override
        String render(Map<String, Object> answer) {
            return format == Format.json ? json(answer)
                    : Report.plan(answer, format == Format.markdown, "Plan");
        }

        @Override
        boolean harmless(Map<String, Object> answer) {
            return Boolean.TRUE.equals(answer.get("harmless"));
        }
    }

    /** {@code certgraph readiness TARGET}. */
    @Command(name = "readiness", sortOptions = false,
            description = {"Every blocker to serving all dependencies from a target PKI.",
                "Exits 0 when ready, 6 when something blocks, 2 for bad input."})
    static final class Readiness extends Base {
        @Parameters(paramLabel = "TARGET", description = "Thumbprint of the target root, or the "
                + "name of an authority.")
        String target;

        @Option(names = "--by", paramLabel = "DATETIME",
                description = "The target's certificates must outlive this (default: a year "
                        + "from now).")
        String by;

        @Override
        public Integer call() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("target", target);
            variables.put("by", by);
            return ask("readiness", "readiness", variables);
        }

        @Override
        String render(Map<String, Object> answer) {
            return format == Format.json ? json(answer)
                    : Report.readiness(answer, format == Format.markdown);
        }

        @Override
        boolean harmless(Map<String, Object> answer) {
            return Boolean.TRUE.equals(answer.get("ready"));
        }
    }

    /** {@code certgraph migration-plan TARGET}. */
    @Command(name = "migration-plan", sortOptions = false,
            description = {"A proposed order of changes that moves every server use to the "
                + "target PKI without an outage, with its own simulation.",
                "Exits 0 when the plan is harmless, 6 when something blocks it, 2 for bad "
                    + "input."})
    static final class MigrationPlan extends Base {
        @Parameters(paramLabel = "TARGET", description = "Thumbprint of the target root, or the "
                + "name of an authority.")
        String target;

        @Override
        public Integer call() {
            return ask("migration-plan", "migrationPlan", Map.of("target", target));
        }

        @Override
        String render(Map<String, Object> answer) {
            return format == Format.json ? json(answer)
                    : Report.plan(answer, format == Format.markdown, "Migration plan");
        }

        @Override
        boolean harmless(Map<String, Object> answer) {
            return Boolean.TRUE.equals(answer.get("harmless"));
        }
    }

    private static boolean zero(Object value) {
        return value == null || ((Number) value).intValue() == 0;
    }
}
