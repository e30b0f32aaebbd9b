package org.certgraph.cli;

/** The exit codes of certgraph commands, documented in the README for scripts to gate on. */
public final class ExitCode {

    /** The command did all it was asked. */
    public static final int OK = 0;
    /** A GraphQL query ran but its answer has errors. */
    public static final int QUERY_ERRORS = 1;
    /** The command line or an input given on it is wrong (unknown option, unreadable file). */
    public static final int BAD_INPUT = 2;
    /** The graph database cannot be started or reached. */
    public static final int GRAPH_UNAVAILABLE = 3;
    /** An import finished, but some files or entries could not be read; the rest is loaded. */
    public static final int IMPORT_PROBLEMS = 4;
    /** Something certgraph did not expect; the message says what. */
    public static final int INTERNAL_ERROR = 5;
    /** An impact question's answer: something breaks, degrades or becomes unknown, readiness
     *  has blockers, or a plan is not harmless. */
    public static final int HARMFUL = 6;

    private ExitCode() {
    }
}
