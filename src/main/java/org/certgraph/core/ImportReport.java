package org.certgraph.core;

import java.util.List;

/**
 * What one certificate import did.
 *
 * @param filesRead files opened and read
 * @param filesWithProblems files that were not certificate files, or had damaged parts
 * @param certificatesRead certificates found in the files, each counted once
 * @param certificatesNew certificates the graph did not hold before
 * @param chainLinks new verified issuer links
 * @param trustEntriesAdded new entries of the trust list (zero without one)
 * @param trustEntriesRemoved entries of the trust list the same source no longer lists
 * @param problems one sentence per problem, naming the file and what to do
 * @param sources what each source file (not a certificate file) loaded, in file order
 * @param knowledge the site firmware knowledge files taken in (kept in the graph for later)
 * @param chainLinkMillis time spent finding and verifying issuer links, in milliseconds
 */
public record ImportReport(
        int filesRead,
        int filesWithProblems,
        int certificatesRead,
        int certificatesNew,
        int chainLinks,
        int trustEntriesAdded,
        int trustEntriesRemoved,
        List<String> problems,
        List<SourceFileReport> sources,
        List<String> knowledge,
        long chainLinkMillis) {

    /** What one source file was recognised as, and what loading it did. */
    public record SourceFileReport(String file, String description, LoadReport load) {
    }

    public int certificatesKnown() {
        return certificatesRead - certificatesNew;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
