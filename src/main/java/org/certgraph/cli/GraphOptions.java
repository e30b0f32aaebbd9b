package org.certgraph.cli;

import java.nio.file.Path;

import org.certgraph.graph.EmbeddedNeo4j;
import org.certgraph.graph.Graph;
import picocli.CommandLine.Option;

/** Where the graph lives: the embedded data folder, or an external Neo4j by URI. */
final class GraphOptions {

    static final String DEFAULT_DATA = "${user.home}/.certgraph/data";

    @Option(names = "--data", paramLabel = "DIR",
            defaultValue = "${env:CERTGRAPH_DATA:-" + DEFAULT_DATA + "}",
            description = "Folder of the embedded Neo4j (default: $CERTGRAPH_DATA or "
                    + "~/.certgraph/data).")
    Path data;

    @Option(names = "--neo4j-uri", paramLabel = "URI", defaultValue = "${env:NEO4J_URI}",
            description = "An external Neo4j server or cluster, e.g. neo4j://db:7687 "
                    + "(default: $NEO4J_URI); nothing embedded starts. Credentials come from "
                    + "NEO4J_USERNAME and NEO4J_PASSWORD.")
    String neo4jUri;

    @Option(names = "--neo4j-database", paramLabel = "NAME", defaultValue = "${env:NEO4J_DATABASE:-neo4j}",
            description = "Database on the external server (default: neo4j).")
    String database;

    boolean external() {
        return neo4jUri != null && !neo4jUri.isBlank();
    }

    /** Opens the graph for a command that does not serve: Bolt on a free port, no browser. */
    Graph open() {
        if (external()) {
            return Graph.external(neo4jUri, System.getenv("NEO4J_USERNAME"),
                    System.getenv("NEO4J_PASSWORD"), database);
        }
        return Graph.embedded(EmbeddedNeo4j.start(data, 0, -1));
    }
}
