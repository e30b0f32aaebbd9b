package org.certgraph.sources.skype;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReader;

/** Reads fixtures and turns what a reader handed over into comparable lines. */
final class Fixtures {

    private Fixtures() {
    }

    static Path skype(String name) throws Exception {
        return Path.of(Fixtures.class.getResource("/skype/" + name).toURI());
    }

    static CollectingSink read(SourceReader reader, Path file, ReadOptions options)
            throws Exception {
        CollectingSink sink = new CollectingSink();
        reader.read(file, options, sink);
        return sink;
    }

    /** Every fact but problems, one line each, in the order handed over per kind. */
    static List<String> facts(CollectingSink sink) {
        List<String> lines = new ArrayList<>();
        lines.add("source " + sink.sourceId);
        sink.certificateRefs.forEach(r -> lines.add("ref " + r));
        sink.nodes.forEach(n -> lines.add("node " + n.label() + " " + n.key() + " "
                + new java.util.TreeMap<>(n.properties())));
        sink.relationships.forEach(r -> lines.add("rel " + r.tuple() + " "
                + new java.util.TreeMap<>(r.properties())));
        return lines;
    }
}
