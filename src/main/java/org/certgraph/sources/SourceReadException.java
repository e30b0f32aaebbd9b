package org.certgraph.sources;

/**
 * A file cannot be read as its source at all (unknown encoding, missing columns, a date format
 * that cannot be decided). Readers throw it before they hand over any fact, so a file that
 * cannot be read changes nothing in the graph. The message names the file and what to do.
 */
public final class SourceReadException extends Exception {
    private static final long serialVersionUID = 1L;

    public SourceReadException(String message) {
        super(message);
    }
}
