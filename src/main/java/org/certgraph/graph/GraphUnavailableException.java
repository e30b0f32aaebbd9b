package org.certgraph.graph;

/** The graph database cannot be reached or started; the message says why and what to do. */
public final class GraphUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GraphUnavailableException(String message) {
        super(message);
    }

    public GraphUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
