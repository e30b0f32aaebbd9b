package org.certgraph.core;

/** What the graph holds, in a few counts. */
public record GraphStats(long certificates, long trustLists, long issuerLinks) {
}
