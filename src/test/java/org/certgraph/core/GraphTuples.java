package org.certgraph.core;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.certgraph.testing.TestNeo4j;

/** Reads the graph back as sets of tuples, so tests compare whole relationships at once. */
final class GraphTuples {

    private GraphTuples() {
    }

    /** Every ISSUED_BY edge as "child sha1 -> issuer sha1". */
    static Set<String> issuedBy() {
        return new HashSet<>(TestNeo4j.strings(
                "MATCH (c:Certificate)-[:ISSUED_BY]->(i:Certificate) "
                        + "RETURN c.sha1 + ' -> ' + i.sha1"));
    }

    /** Every TRUSTS edge as "trust list id -> certificate sha1 (store)". */
    static Set<String> trusts() {
        return new HashSet<>(TestNeo4j.strings(
                "MATCH (t:TrustList)-[r:TRUSTS]->(c:Certificate) "
                        + "RETURN t.id + ' -> ' + c.sha1 + ' (' + r.store + ')'"));
    }

    static String edge(Object child, Object issuer) {
        return sha1(child) + " -> " + sha1(issuer);
    }

    static Set<String> edges(String... edges) {
        return Set.copyOf(List.of(edges));
    }

    private static String sha1(Object cert) {
        return cert instanceof org.certgraph.testing.TestPki.TestCert c ? c.sha1() : cert.toString();
    }
}
