package org.certgraph.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certgraph.cert.CertificateFacts;
import org.certgraph.cert.Verifier;
import org.certgraph.graph.Graph;

/**
 * The certificates that may issue others, held in memory by subject key id and by canonical
 * subject name, so that the issuers of a million new certificates are found without a query per
 * certificate and without indexing the key ids and names of every leaf in the graph.
 *
 * <p>It is read from the graph on first use (CA and self-signed certificates) and grows with
 * every issuer an import writes, so an import finds issuers from earlier batches and earlier
 * files of the same run. One index serves one import run; concurrent imports from other
 * processes are seen by the next run. Each issuer's key is decoded once, when first needed.
 */
final class IssuerIndex {

    /** A certificate that may issue, with its key decoded on first use. */
    static final class Issuer {
        final String sha1;
        private final byte[] der;
        private volatile Verifier verifier;

        Issuer(String sha1, byte[] der) {
            this.sha1 = sha1;
            this.der = der;
        }

        Verifier verifier() {
            Verifier v = verifier;
            if (v == null) {
                v = Verifier.forIssuer(der);
                verifier = v;
            }
            return v;
        }
    }

    private final Graph graph;
    private final Map<String, Issuer> bySha1 = new HashMap<>();
    private final Map<String, List<Issuer>> byKeyId = new HashMap<>();
    private final Map<String, List<Issuer>> byName = new HashMap<>();
    private boolean loaded;

    IssuerIndex(Graph graph) {
        this.graph = graph;
    }

    /** Adds the certificates of a batch that may issue others; the rest are ignored. */
    synchronized void addAll(Iterable<CertificateFacts> certificates) {
        load();
        for (CertificateFacts c : certificates) {
            if (mayIssue(c)) {
                add(c.sha1(), c.subjectKeyId(), c.subjectKey(), c.der());
            }
        }
    }

    /**
     * Every known certificate other than the child itself whose subject key id equals the
     * child's authority key id, or whose subject name equals the child's issuer name. Only a
     * signature check decides which of them issued it.
     */
    synchronized List<Issuer> candidates(CertificateFacts child) {
        load();
        Set<Issuer> found = new LinkedHashSet<>();
        if (child.authorityKeyId() != null) {
            found.addAll(byKeyId.getOrDefault(child.authorityKeyId(), List.of()));
        }
        if (child.issuerKey() != null) {
            found.addAll(byName.getOrDefault(child.issuerKey(), List.of()));
        }
        found.removeIf(i -> i.sha1.equals(child.sha1()));
        return List.copyOf(found);
    }

    /** The issuer with this thumbprint, which was added to or read into the index. */
    synchronized Issuer get(String sha1) {
        return bySha1.get(sha1);
    }

    /** CA certificates, and version 1 certificates that predate the CA flag. */
    static boolean mayIssue(CertificateFacts c) {
        return c.isCA() || c.version() < 3 || c.keyUsages().contains("keyCertSign");
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        graph.read("chain-issuers", Map.of(), records -> {
            records.forEach(r -> add(r.get("sha1").asString(),
                    r.get("ski").isNull() ? null : r.get("ski").asString(),
                    r.get("subjectKey").isNull() ? null : r.get("subjectKey").asString(),
                    r.get("der").asByteArray()));
            return null;
        });
    }

    private void add(String sha1, String keyId, String name, byte[] der) {
        if (bySha1.containsKey(sha1)) {
            return;
        }
        Issuer issuer = new Issuer(sha1, der);
        bySha1.put(sha1, issuer);
        if (keyId != null) {
            byKeyId.computeIfAbsent(keyId, k -> new ArrayList<>(1)).add(issuer);
        }
        if (name != null) {
            byName.computeIfAbsent(name, k -> new ArrayList<>(1)).add(issuer);
        }
    }
}
