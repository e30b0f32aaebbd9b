package org.certgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.certgraph.api.ApiServer;
import org.certgraph.api.GraphQLService;
import org.certgraph.core.CertGraph;
import org.certgraph.core.ImportProgress;
import org.certgraph.core.ImportReport;
import org.certgraph.core.ImportRequest;
import org.certgraph.samples.SampleResources;
import org.certgraph.graph.EmbeddedNeo4j;
import org.certgraph.graph.Graph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code certgraph serve}: the GraphQL API and playground, with Neo4j Browser when embedded. */
@Command(name = "serve", sortOptions = false,
        description = {"Serves the GraphQL API and its playground; on the embedded default also "
                + "Neo4j Browser. Stop it with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    GraphOptions graphOptions;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address the API listens on (default: 127.0.0.1, this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "API port (default: 8080).")
    int port;

    @Option(names = "--bolt-port", defaultValue = "7687",
            description = "Bolt port of the embedded Neo4j, on 127.0.0.1 (default: 7687).")
    int boltPort;

    @Option(names = "--browser-port", defaultValue = "7474",
            description = "Port of Neo4j Browser on the embedded Neo4j, on 127.0.0.1 "
                    + "(default: 7474).")
    int browserPort;

    @Option(names = "--no-sample",
            description = "Start with an empty graph: do not load the sample estate on the "
                    + "first start of an empty embedded graph.")
    boolean noSample;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        out.println(graphOptions.external() ? "Connecting to Neo4j at " + graphOptions.neo4jUri
                + "…" : "Starting the embedded Neo4j in " + graphOptions.data + "…");
        out.flush();
        EmbeddedNeo4j embedded = graphOptions.external()
                ? null : EmbeddedNeo4j.start(graphOptions.data, boltPort, browserPort);
        Graph graph = embedded == null ? graphOptions.open() : Graph.embedded(embedded);
        ApiServer server;
        try {
            CertGraph core = new CertGraph(graph);
            if (embedded != null && !noSample) {
                loadSampleOnFirstStart(core, out);
            }
            server = ApiServer.start(new GraphQLService(core), core, host, port);
            warmUp(core);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
        String base = "http://" + host + ":" + server.port();
        if (embedded != null) {
            embedded.advertise(base + "/graphql");
            out.println("Graph: embedded Neo4j in " + embedded.folder() + ", Bolt at "
                    + embedded.boltUri() + " (no authentication; this machine only)");
            out.println("Neo4j Browser: " + embedded.browserUrl());
        } else {
            out.println("Graph: Neo4j at " + graphOptions.neo4jUri);
        }
        out.println("GraphQL: " + base + "/graphql   playground: " + base + "/   health: "
                + base + "/health");
        out.println("certgraph is ready; stop it with Ctrl-C.");
        out.flush();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping certgraph…");
            out.flush();
            server.close();
            graph.close();
            out.println("Stopped.");
            out.flush();
            stopped.countDown();
        }, "certgraph-shutdown"));
        stopped.await();
        return ExitCode.OK;
    }

    /**
     * Asks the impact engine once in the background, so Neo4j has planned its queries before
     * the first user does (the first question otherwise takes seconds).
     */
    private static void warmUp(CertGraph core) {
        Thread warm = new Thread(() -> {
            try {
                core.impact().dependencies(null);
            } catch (RuntimeException e) {
                System.getLogger(ServeCommand.class.getName()).log(System.Logger.Level.DEBUG,
                        "warm-up failed", e);
            }
        }, "certgraph-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** On the first start of an empty embedded graph, loads the story's sample estate. */
    private static void loadSampleOnFirstStart(CertGraph core, PrintWriter out) {
        if (!core.isEmpty() || !SampleResources.available()) {
            return;
        }
        out.println("The graph is empty: loading the sample estate (first start; this takes a "
                + "minute)…");
        out.flush();
        Path dir;
        try {
            dir = Files.createTempDirectory("certgraph-sample");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            SampleResources.extractTo(dir);
            ImportReport report = core.importCertificates(ImportRequest.of(List.of(dir)),
                    ImportProgress.NONE);
            out.println("Loaded the sample estate (Contoso's move to a SHA-256 PKI): "
                    + report.filesRead() + " files, " + report.problems().size()
                    + " problems. Start with --no-sample to begin with an empty graph.");
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder; the system cleans it up
        }
    }
}
