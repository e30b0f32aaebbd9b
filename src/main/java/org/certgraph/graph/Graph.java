package org.certgraph.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/**
 * certgraph's connection to Neo4j, embedded or external: it runs the named statements of
 * {@link CypherLibrary} with parameters, in read or write transactions.
 */
public final class Graph implements AutoCloseable {

    private final Driver driver;
    private final String database;
    private final EmbeddedNeo4j embedded;
    private final AtomicLong statements = new AtomicLong();

    private Graph(Driver driver, String database, EmbeddedNeo4j embedded) {
        this.driver = driver;
        this.database = database;
        this.embedded = embedded;
    }

    /** Connects to an external Neo4j server or cluster; nothing embedded starts. */
    public static Graph external(String uri, String user, String password, String database) {
        AuthToken auth = user == null || user.isBlank()
                ? AuthTokens.none() : AuthTokens.basic(user, password == null ? "" : password);
        Driver driver;
        try {
            driver = GraphDatabase.driver(uri, auth, driverConfig());
        } catch (IllegalArgumentException e) {
            throw new GraphUnavailableException("The Neo4j address " + uri + " is not valid: "
                    + e.getMessage() + ". Use a URI such as neo4j://host:7687 or "
                    + "bolt://host:7687.");
        }
        return connect(driver, database, null, uri);
    }

    /** Uses an embedded Neo4j that this process started; closing the graph stops it. */
    public static Graph embedded(EmbeddedNeo4j neo4j) {
        Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none(), driverConfig());
        return connect(driver, "neo4j", neo4j, neo4j.boltUri());
    }

    private static Graph connect(Driver driver, String database, EmbeddedNeo4j embedded,
                                 String uri) {
        try {
            driver.verifyConnectivity();
        } catch (AuthenticationException e) {
            driver.close();
            closeEmbedded(embedded);
            throw new GraphUnavailableException("Neo4j at " + uri + " refused the credentials: "
                    + "set NEO4J_USERNAME and NEO4J_PASSWORD.");
        } catch (ServiceUnavailableException | org.neo4j.driver.exceptions.SecurityException e) {
            driver.close();
            closeEmbedded(embedded);
            throw new GraphUnavailableException("Cannot reach Neo4j at " + uri + ": "
                    + e.getMessage() + ". Check that it runs and that the address is right.");
        }
        Graph graph = new Graph(driver, database == null ? "neo4j" : database, embedded);
        graph.applySchema();
        return graph;
    }

    private static Config driverConfig() {
        return Config.builder().withLogging(Logging.none()).withMaxConnectionPoolSize(32).build();
    }

    /** Creates the constraints and indexes of {@code cypher/schema.cypher}; idempotent. */
    public void applySchema() {
        try (var session = driver.session(sessionConfig())) {
            for (String statement : CypherLibrary.statements("schema")) {
                session.run(statement).consume();
            }
        }
    }

    /** Runs a named statement in a read transaction and maps its records. */
    public <T> T read(String name, Map<String, Object> params, Function<List<Record>, T> mapper) {
        return run(false, CypherLibrary.statement(name), params, mapper);
    }

    /** Runs a named statement in a write transaction and maps its records. */
    public <T> T write(String name, Map<String, Object> params, Function<List<Record>, T> mapper) {
        return run(true, CypherLibrary.statement(name), params, mapper);
    }

    /**
     * Runs statement text taken from {@link CypherLibrary} (with model names spliced in by the
     * core's sanitiser) in a write transaction.
     */
    public <T> T writeText(String statement, Map<String, Object> params,
                           Function<List<Record>, T> mapper) {
        return run(true, statement, params, mapper);
    }

    /**
     * A statement and its parameters, one of several run together. The text is always from
     * {@link CypherLibrary}, by name or with model names spliced in by the core's sanitiser.
     */
    public record Step(String statement, Map<String, Object> params) {

        /** The named statement of {@code cypher/}. */
        public static Step named(String name, Map<String, Object> params) {
            return new Step(CypherLibrary.statement(name), params);
        }
    }

    /**
     * Runs statements in order in one write transaction, so that all of them hold or none
     * does, at the cost of one commit; returns each statement's records.
     */
    public List<List<Record>> writeTogether(List<Step> steps) {
        statements.addAndGet(steps.size());
        try (var session = driver.session(sessionConfig())) {
            return session.executeWrite(tx -> {
                List<List<Record>> results = new ArrayList<>(steps.size());
                for (Step step : steps) {
                    results.add(tx.run(step.statement(), step.params()).list());
                }
                return results;
            });
        }
    }

    private <T> T run(boolean write, String statement, Map<String, Object> params,
                      Function<List<Record>, T> mapper) {
        statements.incrementAndGet();
        try (var session = driver.session(sessionConfig())) {
            return write
                    ? session.executeWrite(tx -> mapper.apply(tx.run(statement, params).list()))
                    : session.executeRead(tx -> mapper.apply(tx.run(statement, params).list()));
        }
    }

    /** How many named statements this connection has run: a cheap round-trip counter. */
    public long statementsRun() {
        return statements.get();
    }

    public Driver driver() {
        return driver;
    }

    public SessionConfig sessionConfig() {
        return SessionConfig.forDatabase(database);
    }

    @Override
    public void close() {
        driver.close();
        closeEmbedded(embedded);
    }

    private static void closeEmbedded(EmbeddedNeo4j embedded) {
        if (embedded != null) {
            embedded.close();
        }
    }
}
