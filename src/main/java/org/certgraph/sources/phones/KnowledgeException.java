package org.certgraph.sources.phones;

import java.util.List;

/**
 * A firmware knowledge file cannot be used: it is missing, is not YAML, or states something
 * certgraph cannot accept (a capability without a source, an unknown setting). The message names
 * the file and lists every problem with its line.
 */
public final class KnowledgeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public KnowledgeException(String message, List<String> problems) {
        super(problems.isEmpty() ? message : message + "\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as "file, line N: what is wrong and what to do". */
    public List<String> problems() {
        return problems;
    }
}
