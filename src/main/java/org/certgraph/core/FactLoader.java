package org.certgraph.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.certgraph.cert.CertificateFacts;
import org.certgraph.graph.Graph;
import org.certgraph.sources.FactSink;
import org.certgraph.sources.Model;
import org.neo4j.driver.Record;

/**
 * Loads the facts of one source into the graph, in batches, and then withdraws what the same
 * source stated before but no longer states. Every node and relationship records the sources
 * that assert it ({@code sources}) and the import that last did ({@code seenBy}); other sources'
 * facts are never touched. When the source had problems, nothing is withdrawn: a bad row must
 * not delete what the graph holds.
 *
 * <p>Within a batch, certificates and nodes are written before relationships, so a relationship
 * may name nodes handed over earlier in the same file.
 *
 * <p>Batches go through two threads in the order they were filled: a checker finds which
 * certificates are new and verifies their issuers' signatures, and a writer writes the batch.
 * So parsing one batch, checking the signatures of the next and Neo4j's writing of the one
 * before overlap, which on a machine with few cores is most of the gain. At most
 * {@value #IN_FLIGHT} batches are on their way, so memory stays bounded however large the
 * file. A write that fails is reported to the reader at its
 * next batch or at {@link #finish()}.
 */
final class FactLoader implements FactSink {

    private static final int BATCH = 5_000;
    private static final int IN_FLIGHT = 3;

    private final Graph graph;
    private final CertificateWriter certificates;
    private final boolean cleanup;
    private final String file;
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MILLIS);
    private final String importId = UUID.randomUUID().toString();

    private String source;
    private String stamp;
    private final Map<String, CertificateFacts> certBatch = new LinkedHashMap<>();
    private final Set<String> refBatch = new LinkedHashSet<>();
    private final Map<String, Map<String, Map<String, Object>>> nodeBatch = new LinkedHashMap<>();
    private final Map<List<String>, Map<List<Object>, Map<String, Object>>> relBatch =
            new LinkedHashMap<>();
    private int buffered;

    private final Set<String> certificatesSeen = new HashSet<>();
    private int certificatesNew;
    private int chainLinks;
    private final Set<String> refsSeen = new HashSet<>();
    private final Map<String, Integer> nodes = new TreeMap<>();
    private final Map<String, Integer> relsCreated = new TreeMap<>();
    private final Set<String> labels = new LinkedHashSet<>();
    private final Set<String> types = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();
    /** Problems the writer thread found; merged into {@link #problems} once it is done. */
    private final List<String> writeProblems = new ArrayList<>();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private ExecutorService checker;
    private ExecutorService writer;
    private volatile RuntimeException writeFailure;
    /** What earlier imports of this source wrote: all that this import may withdraw. */
    private final Set<String> previousLabels = new LinkedHashSet<>();
    private final Set<String> previousTypes = new LinkedHashSet<>();
    /** What this import has recorded on its SourceImport node before writing it. */
    private final Set<String> recordedLabels = new HashSet<>();
    private final Set<String> recordedTypes = new HashSet<>();

    /**
     * @param issuers the certificates that may issue others, shared by the loaders of one run
     * @param cleanup whether this source replaces what it said before (false for sources that
     *     only add, such as loose certificate files)
     * @param file what the facts were read from, for the record
     */
    FactLoader(Graph graph, IssuerIndex issuers, boolean cleanup, String file) {
        this.graph = graph;
        this.certificates = new CertificateWriter(graph, issuers);
        this.cleanup = cleanup;
        this.file = file;
    }

    @Override
    public void begin(String sourceId) {
        if (source != null) {
            throw new IllegalStateException("A source is loaded once: " + source);
        }
        source = sourceId;
        stamp = sourceId + "#" + importId;
        graph.read("source-import-previous", Map.of("source", source), rs -> {
            previousLabels.addAll(rs.get(0).get("labels").asList(v -> v.asString()));
            previousTypes.addAll(rs.get(0).get("types").asList(v -> v.asString()));
            return null;
        });
    }

    @Override
    public void certificate(CertificateFacts certificate) {
        started();
        if (certificatesSeen.add(certificate.sha1())) {
            certBatch.put(certificate.sha1(), certificate);
            added();
        }
    }

    @Override
    public void certificateRef(String sha1) {
        started();
        if (refsSeen.add(sha1)) {
            refBatch.add(sha1);
            added();
        }
    }

    @Override
    public void node(String label, String key, Map<String, Object> properties) {
        started();
        if (key == null || key.isBlank()) {
            problems.add(file + ": a " + label + " without its " + Model.KEYS.get(label)
                    + " was skipped.");
            return;
        }
        nodeBatch.computeIfAbsent(label, l -> new LinkedHashMap<>())
                .merge(key, values(properties), (a, b) -> {
                    a.putAll(b);
                    return a;
                });
        labels.add(label);
        added();
    }

    @Override
    public void relationship(String type, String fromLabel, String fromKey, String toLabel,
                             String toKey, Map<String, Object> properties) {
        started();
        if (fromKey == null || toKey == null || fromKey.isBlank() || toKey.isBlank()) {
            return;
        }
        Map<String, Object> row = new HashMap<>();
        row.put("from", fromKey);
        row.put("to", toKey);
        String relKey = Model.RELATIONSHIP_KEYS.get(type);
        Map<String, Object> props = values(properties);
        if (relKey != null && !relKey.isEmpty()) {
            Object value = props.remove(relKey);
            if (value == null) {
                throw new IllegalArgumentException(type + " needs its " + relKey);
            }
            row.put("relKey", value);
        }
        row.put("props", props);
        List<Object> identity = new ArrayList<>(List.of(fromKey, toKey));
        identity.add(row.get("relKey"));
        relBatch.computeIfAbsent(List.of(type, fromLabel, toLabel), k -> new LinkedHashMap<>())
                .put(identity, row);
        types.add(type);
        added();
    }

    @Override
    public void problem(long line, String message) {
        problems.add(message);
    }

    /** Time this loader spent linking chains, in nanoseconds. */
    long chainLinkNanos() {
        return certificates.linkNanos();
    }

    /** Writes what is still buffered, cleans up, and says what happened. */
    LoadReport finish() {
        if (source == null) {
            return new LoadReport(null, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(),
                    List.copyOf(problems), false);
        }
        flush();
        close();
        problems.addAll(writeProblems);
        writeProblems.clear();
        Map<String, Integer> removed = new TreeMap<>();
        boolean skipped = false;
        List<String> everLabels = new ArrayList<>(labels);
        List<String> everTypes = new ArrayList<>(types);
        if (!certificatesSeen.isEmpty() || !refsSeen.isEmpty()) {
            everLabels.add(Model.CERTIFICATE);
        }
        graph.write("source-import-record", Map.of(
                "source", source, "importId", importId, "now", now,
                "labels", everLabels, "types", everTypes, "file", file), rs -> null);
        if (cleanup && problems.isEmpty()) {
            withdraw(removed);
        } else if (cleanup) {
            skipped = true;
            problems.add(file + ": nothing that " + source + " stated before was withdrawn, "
                    + "because of the problems above; fix them and import the file again.");
        }
        return new LoadReport(source, certificatesSeen.size(), certificatesNew, refsSeen.size(),
                chainLinks, nodes, relsCreated, removed, List.copyOf(problems), skipped);
    }

    /**
     * Withdraws what earlier imports of this source stated and this one did not. Only the
     * labels and types those imports recorded can hold such facts, so a source imported for
     * the first time scans nothing.
     */
    private void withdraw(Map<String, Integer> removed) {
        Map<String, Object> params = Map.of("source", source, "stamp", stamp);
        for (String type : previousTypes) {
            int n = graph.writeText(CypherNames.forType("facts-cleanup-relationships", type),
                    params, rs -> rs.get(0).get("removed").asInt());
            if (n > 0) {
                removed.merge(type, n, Integer::sum);
            }
        }
        for (String label : previousLabels) {
            int n = graph.writeText(CypherNames.forLabel("facts-cleanup-nodes", label),
                    params, rs -> rs.get(0).get("removed").asInt());
            if (n > 0) {
                removed.merge(label, n, Integer::sum);
            }
        }
    }

    /** Property values as the driver takes them: instants become UTC date-times. */
    private static Map<String, Object> values(Map<String, Object> properties) {
        Map<String, Object> values = new HashMap<>();
        properties.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : v);
            }
        });
        return values;
    }

    private void added() {
        if (++buffered >= BATCH) {
            flush();
        }
    }

    /**
     * Hands what is buffered on: the checker thread finds which certificates are new and checks
     * their issuers' signatures, then the writer thread writes the batch. Waits while
     * {@value #IN_FLIGHT} batches are on their way.
     */
    private void flush() {
        Batch batch = new Batch(List.copyOf(certBatch.values()), List.copyOf(refBatch),
                new LinkedHashMap<>(nodeBatch), new LinkedHashMap<>(relBatch));
        certBatch.clear();
        refBatch.clear();
        nodeBatch.clear();
        relBatch.clear();
        buffered = 0;
        rethrow();
        if (batch.isEmpty()) {
            return;
        }
        if (writer == null) {
            checker = Executors.newSingleThreadExecutor(daemon("certgraph-checker"));
            writer = Executors.newSingleThreadExecutor(daemon("certgraph-writer"));
        }
        inFlight.acquireUninterruptibly();
        ExecutorService out = writer;
        checker.execute(() -> {
            CertificateWriter.Planned certs;
            try {
                if (writeFailure != null) {
                    inFlight.release();
                    return;
                }
                certs = certificates.plan(batch.certs(), source, stamp, now,
                        () -> writesSoFar(out));
            } catch (RuntimeException e) {
                writeFailure = e;
                inFlight.release();
                return;
            }
            out.execute(() -> {
                try {
                    if (writeFailure == null) {
                        write(batch, certs);
                    }
                } catch (RuntimeException e) {
                    writeFailure = e;
                } finally {
                    inFlight.release();
                }
            });
        });
    }

    /** Waits until every write handed to {@code out} so far is done. */
    private static void writesSoFar(ExecutorService out) {
        try {
            out.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for earlier batches", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Waits until every batch handed over is written and stops the threads; a write that
     * failed is thrown here. Safe to call more than once.
     */
    void close() {
        if (writer != null) {
            inFlight.acquireUninterruptibly(IN_FLIGHT);
            inFlight.release(IN_FLIGHT);
            checker.shutdown();
            writer.shutdown();
            checker = null;
            writer = null;
        }
        rethrow();
    }

    private void rethrow() {
        RuntimeException failure = writeFailure;
        if (failure != null) {
            writeFailure = null;
            throw failure;
        }
    }

    /** One batch of facts, as the reader handed them over. */
    private record Batch(List<CertificateFacts> certs, List<String> refs,
                         Map<String, Map<String, Map<String, Object>>> nodes,
                         Map<List<String>, Map<List<Object>, Map<String, Object>>> rels) {
        boolean isEmpty() {
            return certs.isEmpty() && refs.isEmpty() && nodes.isEmpty() && rels.isEmpty();
        }
    }

    /**
     * Writes one batch in one transaction, so that it holds entirely or not at all and costs
     * one commit; runs on the writer thread only.
     */
    private void write(Batch batch, CertificateWriter.Planned certs) {
        recordAhead(batch);
        List<Graph.Step> steps = new ArrayList<>(certs.steps());
        Map<String, Object> bookkeeping = Map.of("source", source, "stamp", stamp, "now", now);
        if (!batch.refs().isEmpty()) {
            steps.add(Graph.Step.named("facts-certificate-refs",
                    with(bookkeeping, "sha1s", batch.refs())));
        }
        for (var entry : batch.nodes().entrySet()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            entry.getValue().forEach((key, props) -> rows.add(Map.of("key", key, "props", props)));
            steps.add(new Graph.Step(CypherNames.forLabel("facts-nodes", entry.getKey()),
                    with(bookkeeping, "rows", rows)));
        }
        int firstRelationship = steps.size();
        List<List<Object>> relKeys = new ArrayList<>();
        List<Integer> relRows = new ArrayList<>();
        for (var entry : batch.rels().entrySet()) {
            String type = entry.getKey().get(0);
            boolean keyed = !Model.RELATIONSHIP_KEYS.get(type).isEmpty();
            String statement = CypherNames.forRelationship(
                    keyed ? "facts-relationships-keyed" : "facts-relationships",
                    type, entry.getKey().get(1), entry.getKey().get(2));
            List<Map<String, Object>> rows = List.copyOf(entry.getValue().values());
            steps.add(new Graph.Step(statement, with(bookkeeping, "rows", rows)));
            relKeys.add(List.copyOf(entry.getKey()));
            relRows.add(rows.size());
        }
        if (steps.isEmpty()) {
            return;
        }
        List<List<Record>> results = graph.writeTogether(steps);

        certificatesNew += certs.created();
        chainLinks += certs.links(results);
        batch.nodes().forEach((label, rows) -> nodes.merge(label, rows.size(), Integer::sum));
        for (int i = 0; i < relKeys.size(); i++) {
            List<Object> key = relKeys.get(i);
            Record counts = results.get(firstRelationship + i).get(0);
            relsCreated.merge((String) key.get(0), counts.get("created").asInt(), Integer::sum);
            int missing = relRows.get(i) - counts.get("written").asInt();
            if (missing > 0) {
                writeProblems.add(file + ": " + missing + " " + key.get(0) + " relationship(s) "
                        + "name a " + key.get(1) + " or " + key.get(2) + " that is not in the "
                        + "graph; they were skipped.");
            }
        }
    }

    private static Map<String, Object> with(Map<String, Object> params, String key,
                                            Object value) {
        Map<String, Object> all = new HashMap<>(params);
        all.put(key, value);
        return all;
    }

    /** Records the labels and types this batch writes that the source has not recorded. */
    private void recordAhead(Batch batch) {
        List<String> newLabels = new ArrayList<>();
        if (!batch.certs().isEmpty() || !batch.refs().isEmpty()) {
            newLabels.add(Model.CERTIFICATE);
        }
        newLabels.addAll(batch.nodes().keySet());
        newLabels.removeAll(recordedLabels);
        List<String> newTypes = new ArrayList<>();
        batch.rels().keySet().forEach(k -> newTypes.add(k.get(0)));
        newTypes.removeAll(recordedTypes);
        if (newLabels.isEmpty() && newTypes.isEmpty()) {
            return;
        }
        graph.write("source-import-labels", Map.of("source", source, "now", now,
                "labels", newLabels, "types", newTypes), rs -> null);
        recordedLabels.addAll(newLabels);
        recordedTypes.addAll(newTypes);
    }

    private void started() {
        if (source == null) {
            throw new IllegalStateException("begin(sourceId) must come before any fact");
        }
    }
}
