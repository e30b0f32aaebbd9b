package org.certgraph.testing;

import org.certgraph.core.CertGraph;
import org.certgraph.graph.Graph;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.time.Duration;

/**
 * One real Neo4j (the test harness) for the whole test run, started on first use. Each test
 * takes an empty graph from {@link #emptyGraph()}; constraints and indexes stay.
 */
public final class TestNeo4j {

    private static Neo4j neo4j;
    private static Graph graph;

    private TestNeo4j() {
    }

    /** The harness' Bolt address, for tests that point certgraph at an external Neo4j. */
    public static synchronized String boltUri() {
        start();
        return neo4j.boltURI().toString();
    }

    /** A certgraph core on an empty graph. */
    public static synchronized CertGraph emptyGraph() {
        start();
        try (var session = graph.driver().session(graph.sessionConfig())) {
            session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS").consume();
        }
        return new CertGraph(graph);
    }

    /** Runs a read-only Cypher statement written in a test and returns its single number. */
    public static synchronized long count(String cypher) {
        start();
        try (var session = graph.driver().session(graph.sessionConfig())) {
            return session.run(cypher).single().get(0).asLong();
        }
    }

    /** Runs a read-only Cypher statement written in a test and returns its single column. */
    public static synchronized java.util.List<String> strings(String cypher) {
        start();
        try (var session = graph.driver().session(graph.sessionConfig())) {
            return session.run(cypher).list(r -> r.get(0).asString());
        }
    }

    /**
     * Plans a statement without running it (EXPLAIN), with every parameter it names set to
     * null, and returns the plan's operator, or throws when the statement does not compile.
     */
    public static synchronized String explain(String statement) {
        start();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$([A-Za-z]+)")
                .matcher(statement);
        while (m.find()) {
            params.put(m.group(1), null);
        }
        try (var session = graph.driver().session(graph.sessionConfig())) {
            return session.run("EXPLAIN " + statement, params).consume().plan().operatorType();
        }
    }

    /** How many statements certgraph has sent to the test database so far. */
    public static synchronized long statementsRun() {
        start();
        return graph.statementsRun();
    }

    private static void start() {
        if (neo4j != null) {
            return;
        }
        neo4j = Neo4jBuilders.newInProcessBuilder()
                .withDisabledServer()
                .withConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout,
                        Duration.ofMillis(200))
                .build();
        graph = Graph.external(neo4j.boltURI().toString(), null, null, "neo4j");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            graph.close();
            neo4j.close();
        }));
    }
}
