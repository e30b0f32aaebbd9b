package org.certgraph.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * certgraph's own log lines go to standard error as one short line each; the libraries inside
 * (Neo4j, Jetty) keep to warnings. Neo4j's own logs stay in the data folder.
 */
final class Logging {

    private Logging() {
    }

    static void configure() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.WARNING);
        Logger.getLogger("org.certgraph").setLevel(Level.INFO);
    }
}
