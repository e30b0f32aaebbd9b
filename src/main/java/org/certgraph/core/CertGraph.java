package org.certgraph.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import org.certgraph.cert.Thumbprints;
import org.certgraph.core.EstateNodes.AssignmentNode;
import org.certgraph.core.EstateNodes.AuthorityNode;
import org.certgraph.core.EstateNodes.PhoneNode;
import org.certgraph.core.EstateNodes.PoolNode;
import org.certgraph.core.EstateNodes.ServerNode;
import org.certgraph.core.EstateNodes.ServiceNode;
import org.certgraph.core.EstateNodes.TemplateNode;
import org.certgraph.graph.Graph;
import org.certgraph.impact.ImpactEngine;

/**
 * certgraph's core: the verbs that the CLI, the GraphQL API and the tests use. Every verb returns
 * a typed result; none of the adapters around it holds Cypher.
 */
public final class CertGraph {

    private final Graph graph;
    private final FileImporter importer;
    private final CertificateQueries queries;
    private final EstateQueries estate;
    private final ImpactEngine impact;

    public CertGraph(Graph graph) {
        this.graph = graph;
        this.importer = new FileImporter(graph);
        this.queries = new CertificateQueries(graph);
        this.estate = new EstateQueries(graph);
        this.impact = new ImpactEngine(graph);
    }

    /** Loads certificate files and folders; see {@link ImportRequest}. */
    public ImportReport importCertificates(ImportRequest request, ImportProgress progress) {
        return importer.run(request, progress);
    }

    /**
     * The certificate with this thumbprint, in any spelling a user may paste (case, spaces,
     * colons, invisible marks); a SHA-256 fingerprint works too.
     *
     * @throws IllegalArgumentException when the text is not a thumbprint
     */
    public Optional<CertificateNode> certificate(String thumbprint) {
        return queries.byThumbprint(Thumbprints.normalise(thumbprint));
    }

    public Page<CertificateNode> certificates(CertificateFilter filter, int first, String after) {
        return queries.page(filter == null ? CertificateFilter.ALL : filter, first, after);
    }

    /** The verified issuers of each certificate, keyed by thumbprint. */
    public Map<String, List<CertificateNode>> issuers(Collection<String> sha1s) {
        return queries.issuers(sha1s);
    }

    /** Every chain from each certificate up to a root or the end of what is known. */
    public Map<String, List<List<CertificateNode>>> chains(Collection<String> sha1s) {
        return queries.chains(sha1s);
    }

    /** The trust lists holding each certificate, keyed by thumbprint. */
    public Map<String, List<TrustListNode>> trustListsOf(Collection<String> sha1s) {
        return queries.trustListsOf(sha1s);
    }

    public List<TrustListNode> trustLists() {
        return queries.trustLists(null);
    }

    public Optional<TrustListNode> trustList(String id) {
        return queries.trustLists(List.of(id)).stream().findFirst();
    }

    /** Every pool, or the one with this FQDN. */
    public List<PoolNode> pools(String fqdn) {
        return estate.pools(fqdn == null ? null : fqdn.toLowerCase(Locale.ROOT));
    }

    /** Every server, or the one with this FQDN. */
    public List<ServerNode> servers(String fqdn) {
        return estate.servers(fqdn == null ? null : fqdn.toLowerCase(Locale.ROOT));
    }

    public List<ServiceNode> services() {
        return estate.services();
    }

    /** The certificates each server presents, by use, keyed by server FQDN. */
    public Map<String, List<AssignmentNode>> assignments(Collection<String> fqdns) {
        return estate.assignments(fqdns);
    }

    /** The stores and trust lists of each server, keyed by server FQDN. */
    public Map<String, List<TrustListNode>> serverTrustLists(Collection<String> fqdns) {
        return estate.serverTrustLists(fqdns);
    }

    public List<AuthorityNode> authorities() {
        return estate.authorities();
    }

    public List<TemplateNode> templates() {
        return estate.templates();
    }

    /** Phones that pass the filter (null fields do not filter); counts count phones. */
    public Page<PhoneNode> phones(String model, String firmware, String pool, int first,
                                  String after) {
        return estate.phones(model, firmware,
                pool == null ? null : pool.toLowerCase(Locale.ROOT), first, after);
    }

    /** Certificates in use (presented or trusted) that expire within the days. */
    public List<CertificateNode> expiring(int withinDays) {
        if (withinDays < 0) {
            throw new IllegalArgumentException("withinDays must be 0 or more, not " + withinDays
                    + ".");
        }
        return queries.expiring(java.time.Instant.now().plus(java.time.Duration.ofDays(
                withinDays)));
    }

    /** The impact questions, asked of this graph. */
    public ImpactEngine impact() {
        return impact;
    }

    /** Whether the graph holds nothing at all. */
    public boolean isEmpty() {
        return graph.read("graph-empty", Map.of(), rs -> rs.get(0).get("empty").asBoolean());
    }

    public GraphStats stats() {
        return queries.stats();
    }

    public Graph graph() {
        return graph;
    }
}
