package org.certgraph.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.certgraph.api.ApiServer;
import org.certgraph.api.GraphQLService;
import org.certgraph.cert.CertificateFacts;
import org.certgraph.core.CertGraph;
import org.certgraph.core.ImportProgress;
import org.certgraph.core.ImportReport;
import org.certgraph.core.ImportRequest;
import org.certgraph.graph.EmbeddedNeo4j;
import org.certgraph.graph.Graph;
import org.certgraph.impact.Change;
import org.certgraph.sources.FactSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.adcs.AdcsDumpReader;

/**
 * Measures certgraph on generated estates of growing size (see {@link EstateGenerator}): the
 * certificate reader alone, the driver's raw write rate for the same nodes and relationships,
 * certgraph's import and its chain linking, impact questions directly and over GraphQL, the
 * naive per-pair PKIX validation, and memory. Every figure is printed as it is measured and
 * returned, so a test can check that each was produced.
 */
public final class Benchmark {

    /** What to run: base size, how many doublings, seed, repetitions per question. */
    public record Options(int size, int steps, long seed, int runs, Path cache) {
    }

    /** One measured figure at one size. */
    public record Figure(int size, String name, double value, String unit) {
    }

    private static final int RAW_BATCH = 10_000;
    private static final int PKIX_SAMPLE = 2_000;

    private final Options options;
    private final PrintWriter out;
    private final List<Figure> figures = new ArrayList<>();

    private Benchmark(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark at size, 2 × size, … and returns every figure. */
    public static List<Figure> run(Options options, PrintWriter out) throws Exception {
        Benchmark b = new Benchmark(options, out);
        b.out.printf(Locale.ROOT, "certgraph benchmark: %d cores, max heap %d MiB, Java %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        int size = options.size();
        for (int step = 0; step < options.steps(); step++, size *= 2) {
            b.atSize(size);
        }
        b.summary();
        return List.copyOf(b.figures);
    }

    private void figure(int size, String name, double value, String unit) {
        figures.add(new Figure(size, name, value, unit));
        out.printf(Locale.ROOT, "  %-44s %14s %s%n", name, format(value), unit);
        out.flush();
    }

    private static String format(double value) {
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    private void atSize(int size) throws Exception {
        EstateGenerator.Shape shape = EstateGenerator.Shape.of(size);
        out.printf(Locale.ROOT, "%nN = %,d certificates, %,d servers in %,d pools, %,d phones%n",
                size, shape.servers(), shape.pools(), shape.phones());
        resetPeaks();
        long t = System.nanoTime();
        Path estate = EstateGenerator.ensure(options.cache(), size, options.seed());
        figure(size, "estate ready (generated or cached)", seconds(t), "s");
        Map<String, String> facts = EstateGenerator.facts(estate);

        parseOnly(size, estate);
        rawWrite(size, estate);

        Path folder = Files.createTempDirectory("certgraph-bench-db");
        try (Graph graph = Graph.embedded(EmbeddedNeo4j.start(folder, 0, -1))) {
            CertGraph core = new CertGraph(graph);
            importEstate(size, core, estate);
            impact(size, core, facts, shape);
        } finally {
            EstateGenerator.deleteTree(folder);
        }
        figure(size, "heap peak (in use at one instant)", heapPeakMiB(), "MiB");
        figure(size, "heap peak left after a collection", heapLivePeakMiB(), "MiB");
        figure(size, "resident memory peak (VmHWM)", residentPeakMiB(), "MiB");
    }

    // --------------------------------------------------------------- parsing

    private static List<Path> dumps(Path estate) throws IOException {
        try (Stream<Path> files = Files.list(estate.resolve("2-adcs"))) {
            return files.sorted().toList();
        }
    }

    private void parseOnly(int size, Path estate) throws IOException, SourceReadException {
        long t = System.nanoTime();
        long[] count = new long[1];
        FactSink sink = new FactSink() {
            @Override public void begin(String sourceId) { }
            @Override public void certificate(CertificateFacts certificate) {
                count[0]++;
            }
            @Override public void certificateRef(String sha1) { }
            @Override public void node(String label, String key, Map<String, Object> p) { }
            @Override public void relationship(String type, String fromLabel, String fromKey,
                                               String toLabel, String toKey,
                                               Map<String, Object> p) { }
            @Override public void problem(long line, String message) { }
        };
        for (Path dump : dumps(estate)) {
            new AdcsDumpReader().read(dump, ReadOptions.NONE, sink);
        }
        double s = seconds(t);
        figure(size, "parse only: AD CS dumps, no database", count[0] / s, "certs/s");
    }

    // --------------------------------------------------------------- raw write

    /**
     * Writes what the AD CS dumps hold (certificates with the same properties, authorities,
     * templates, ISSUED, FROM_TEMPLATE and ISSUED_BY) with plain batched UNWIND … CREATE into
     * an empty database that has certgraph's schema. Only the time inside the driver counts.
     */
    private void rawWrite(int size, Path estate) throws Exception {
        Path folder = Files.createTempDirectory("certgraph-bench-raw");
        try (Graph graph = Graph.embedded(EmbeddedNeo4j.start(folder, 0, -1))) {
            RawWriter raw = new RawWriter(graph);
            List<Path> cas;
            try (Stream<Path> files = Files.list(estate.resolve("1-ca-certificates"))) {
                cas = files.sorted().toList();
            }
            for (Path ca : cas) {
                raw.certificate(org.certgraph.cert.CertificateParser.parse(Files.readAllBytes(ca)));
            }
            for (Path dump : dumps(estate)) {
                new AdcsDumpReader().read(dump, ReadOptions.NONE, raw);
            }
            raw.flush();
            double s = raw.nanos / 1e9;
            rawElementsPerSecond = raw.elements / s;
            rawCertsPerSecond = raw.certificates / s;
            figure(size, "raw driver write: nodes + relationships", rawElementsPerSecond,
                    "elements/s");
            figure(size, "raw driver write: certificates", rawCertsPerSecond, "certs/s");
        } finally {
            EstateGenerator.deleteTree(folder);
        }
    }

    private double rawElementsPerSecond;
    private double rawCertsPerSecond;

    /** A fact sink that writes plain CREATE batches and times only the driver calls. */
    private static final class RawWriter implements FactSink {
        private final Graph graph;
        private final Map<String, String> issuerBySki = new HashMap<>();
        private final List<Map<String, Object>> certs = new ArrayList<>();
        private final Map<String, List<Map<String, Object>>> nodes = new LinkedHashMap<>();
        private final Map<List<String>, List<Map<String, Object>>> rels = new LinkedHashMap<>();
        private final Set<String> nodesSeen = new HashSet<>();
        private final Set<String> certsSeen = new HashSet<>();
        private int buffered;
        long nanos;
        long elements;
        long certificates;

        RawWriter(Graph graph) {
            this.graph = graph;
        }

        @Override
        public void begin(String sourceId) {
        }

        @Override
        public void certificate(CertificateFacts c) {
            if (!certsSeen.add(c.sha1())) {
                return;
            }
            if (c.isCA() && c.subjectKeyId() != null) {
                issuerBySki.put(c.subjectKeyId(), c.sha1());
            }
            Map<String, Object> row = new HashMap<>();
            row.put("sha1", c.sha1());
            row.put("props", properties(c));
            certs.add(row);
            certificates++;
            String issuer = c.selfSigned() ? null : issuerBySki.get(c.authorityKeyId());
            if (issuer != null) {
                relationship("ISSUED_BY", Model.CERTIFICATE, c.sha1(), Model.CERTIFICATE,
                        issuer, Map.of());
            }
            added();
        }

        @Override
        public void certificateRef(String sha1) {
        }

        @Override
        public void node(String label, String key, Map<String, Object> properties) {
            if (nodesSeen.add(label + "|" + key)) {
                Map<String, Object> props = new HashMap<>();
                properties.forEach((k, v) -> props.put(k, v instanceof Instant i
                        ? i.atOffset(ZoneOffset.UTC) : v));
                props.put(Model.KEYS.get(label), key);
                nodes.computeIfAbsent(label, l -> new ArrayList<>()).add(Map.of("props", props));
                added();
            }
        }

        @Override
        public void relationship(String type, String fromLabel, String fromKey, String toLabel,
                                 String toKey, Map<String, Object> properties) {
            rels.computeIfAbsent(List.of(type, fromLabel, toLabel), k -> new ArrayList<>())
                    .add(Map.of("from", fromKey, "to", toKey));
            added();
        }

        @Override
        public void problem(long line, String message) {
        }

        private void added() {
            if (++buffered >= RAW_BATCH) {
                flush();
            }
        }

        void flush() {
            long t = System.nanoTime();
            if (!certs.isEmpty()) {
                write("UNWIND $rows AS row CREATE (c:Certificate) SET c = row.props, "
                        + "c.sha1 = row.sha1", certs);
            }
            nodes.forEach((label, rows) -> write("UNWIND $rows AS row CREATE (n:" + label
                    + ") SET n = row.props", rows));
            rels.forEach((k, rows) -> write("UNWIND $rows AS row MATCH (a:" + k.get(1) + " {"
                    + Model.KEYS.get(k.get(1)) + ": row.from}) MATCH (b:" + k.get(2) + " {"
                    + Model.KEYS.get(k.get(2)) + ": row.to}) CREATE (a)-[:" + k.get(0)
                    + "]->(b)", rows));
            nanos += System.nanoTime() - t;
            elements += certs.size();
            nodes.values().forEach(r -> elements += r.size());
            rels.values().forEach(r -> elements += r.size());
            certs.clear();
            nodes.clear();
            rels.clear();
            buffered = 0;
        }

        private void write(String statement, List<Map<String, Object>> rows) {
            try (var session = graph.driver().session(graph.sessionConfig())) {
                session.executeWrite(tx -> tx.run(statement, Map.of("rows", rows)).consume());
            }
        }

        /** The properties certgraph stores on a certificate node. */
        private static Map<String, Object> properties(CertificateFacts c) {
            Map<String, Object> p = new HashMap<>();
            p.put("sha256", c.sha256());
            p.put("serialNumber", c.serialNumber());
            p.put("subject", c.subject());
            p.put("issuer", c.issuer());
            p.put("subjectKey", c.subjectKey());
            p.put("issuerKey", c.issuerKey());
            p.put("notBefore", c.notBefore().atOffset(ZoneOffset.UTC));
            p.put("notAfter", c.notAfter().atOffset(ZoneOffset.UTC));
            p.put("signatureAlgorithm", c.signatureAlgorithm());
            p.put("signatureHash", c.signatureHash().name());
            p.put("keyAlgorithm", c.keyAlgorithm());
            p.put("keySize", c.keySize());
            p.put("isCA", c.isCA());
            p.put("pathLength", c.pathLength());
            p.put("subjectKeyId", c.subjectKeyId());
            p.put("authorityKeyId", c.authorityKeyId());
            p.put("dnsNames", c.dnsNames());
            p.put("ekus", c.ekus());
            p.put("keyUsages", c.keyUsages());
            p.put("selfSigned", c.selfSigned());
            p.put("version", c.version());
            p.put("der", c.der());
            p.values().removeIf(v -> v == null);
            return p;
        }
    }

    // --------------------------------------------------------------- import

    private void importEstate(int size, CertGraph core, Path estate) {
        long t = System.nanoTime();
        CpuUse cpu = CpuUse.start();
        ImportReport certs = core.importCertificates(ImportRequest.of(List.of(
                estate.resolve("1-ca-certificates"), estate.resolve("2-adcs"))),
                ImportProgress.NONE);
        double s = seconds(t);
        Map<String, Double> cpuSeconds = cpu.stop();
        long links = core.graph().read("graph-stats", Map.of(),
                rs -> rs.get(0).get("issuerLinks").asLong());
        int read = certs.certificatesRead() + certs.sources().stream()
                .mapToInt(f -> f.load().certificatesRead()).sum();
        problems("certificate import", certs);
        figure(size, "import: CA certificates and AD CS dumps", s, "s");
        figure(size, "import rate", read / s, "certs/s");
        figure(size, "import / raw driver write (certificates)", read / s / rawCertsPerSecond,
                "ratio");
        figure(size, "chain linking (inside the import)", certs.chainLinkMillis() / 1000.0,
                "s");
        figure(size, "verified issuer links (ISSUED_BY)", links, "links");
        double cpuTotal = cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        figure(size, "import processor time, all threads", cpuTotal, "s");
        cpuSeconds.forEach((kind, seconds) -> figure(size, "  " + kind, seconds, "s"));
        figure(size, "import processor time per certificate", cpuTotal * 1e6 / read, "us");
        t = System.nanoTime();
        List<Path> rest = new ArrayList<>();
        for (String name : List.of("3-topology", "4-stores", "5-assignments", "6-webservice",
                "7-phones", "site-knowledge.yaml")) {
            rest.add(estate.resolve(name));
        }
        ImportReport others = core.importCertificates(ImportRequest.of(rest),
                ImportProgress.NONE);
        problems("estate import", others);
        figure(size, "import: topology, stores, assignments, phones", seconds(t), "s");
    }

    private void problems(String what, ImportReport report) {
        if (report.hasProblems()) {
            out.println("  " + what + " reported " + report.problems().size() + " problem(s), "
                    + "the first: " + report.problems().get(0));
        }
    }

    // --------------------------------------------------------------- impact

    private void impact(int size, CertGraph core, Map<String, String> facts,
                        EstateGenerator.Shape shape) throws Exception {
        String oldRoot = facts.get("oldRoot");
        List<Change> removeRoot = List.of(new Change.RemoveTrust(EstateGenerator.SHARED_LIST,
                oldRoot));
        List<Change> reassign = new ArrayList<>();
        facts.forEach((k, v) -> {
            if (k.startsWith("newCert.")) {
                for (String use : EstateGenerator.USES) {
                    reassign.add(new Change.AssignCertificate(k.substring(8), use, v));
                }
            }
        });
        List<Change> firmware = List.of(new Change.UpgradeFirmware("HP 4120",
                EstateGenerator.NEW_FIRMWARE, null));
        var engine = core.impact();

        long t = System.nanoTime();
        var first = engine.impact(removeRoot, null);
        figure(size, "impact, first question (loads the snapshot)", millis(t), "ms");
        out.printf(Locale.ROOT, "  (removing the old root from %s: %d dependencies break,"
                + " %d degrade)%n", EstateGenerator.SHARED_LIST, first.summary().broken(),
                first.summary().degraded());

        double direct = latency(size, "impact: trust entry removed (shared list)",
                () -> engine.impact(removeRoot, null));
        latency(size, "impact: a pool's certificates reassigned",
                () -> engine.impact(reassign, null));
        latency(size, "impact: firmware upgrade (HP 4120)", () -> engine.impact(firmware, null));
        latency(size, "readiness report (new root)",
                () -> engine.readiness(facts.get("newRoot"), null));

        graphQl(size, core, oldRoot, direct);
        pkix(size, core, facts, shape, direct);
    }

    /** Runs a question repeatedly; prints p50, p95 and p99 in ms; returns p50. */
    private double latency(int size, String name, Supplier<?> question) {
        for (int i = 0; i < 2; i++) {
            question.get();
        }
        double[] ms = new double[options.runs()];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            question.get();
            ms[i] = millis(t);
        }
        Arrays.sort(ms);
        figure(size, name + " p50", percentile(ms, 50), "ms");
        figure(size, name + " p95", percentile(ms, 95), "ms");
        figure(size, name + " p99", percentile(ms, 99), "ms");
        return percentile(ms, 50);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private void graphQl(int size, CertGraph core, String oldRoot, double directP50)
            throws Exception {
        ApiServer server = ApiServer.start(new GraphQLService(core), core, "127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String body = "{\"query\": \"{ impact(changes: [{removeTrust: {trustList: \\\""
                    + EstateGenerator.SHARED_LIST + "\\\", certificate: \\\"" + oldRoot
                    + "\\\"}}]) { summary { broken degraded recovered unknown phonesAffected }"
                    + " phones { model firmware pool count } } }\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/graphql")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            double p50 = latency(size, "GraphQL over HTTP: trust entry removed", () -> {
                try {
                    HttpResponse<String> response = http.send(request,
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                        throw new IllegalStateException("GraphQL answered " + response
                                .statusCode() + ": " + response.body());
                    }
                    return response;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            figure(size, "GraphQL / direct (p50)", p50 / directP50, "ratio");
        } finally {
            server.close();
        }
    }

    // --------------------------------------------------------------- naive PKIX

    /**
     * The same question answered the way a script might: for every server that validates with
     * the shared list and every server of the service it connects to, run the JDK's PKIX
     * validator on the presented certificate and its issuing CA against the list without the
     * removed root. Up to {@value #PKIX_SAMPLE} pairs are timed and the total is extrapolated
     * to every pair.
     */
    private void pkix(int size, CertGraph core, Map<String, String> facts,
                      EstateGenerator.Shape shape, double directP50) throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Map<String, X509Certificate> cas = new HashMap<>();
        Graph graph = core.graph();
        Map<String, String> presented = new HashMap<>();
        graph.read("impact-assignments", Map.of(), rs -> {
            rs.forEach(r -> {
                if (r.get("use").asString().equals("Default")) {
                    presented.put(r.get("server").asString(), r.get("sha1").asString());
                }
            });
            return null;
        });
        int perPool = shape.servers() / shape.pools();
        long pairs = (long) shape.servers() * perPool;
        int sample = (int) Math.min(pairs, PKIX_SAMPLE);
        Set<TrustAnchor> anchors = new HashSet<>();
        X509Certificate newRoot = x509(cf, der(graph, facts.get("newRoot")));
        anchors.add(new TrustAnchor(newRoot, null));
        PKIXParameters params = new PKIXParameters(anchors);
        params.setRevocationEnabled(false);
        params.setDate(new Date());
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        int failed = 0;
        long t = System.nanoTime();
        for (int i = 0; i < sample; i++) {
            int party = (int) (((long) i * 7919) % shape.servers());
            int target = ((party / perPool + 1) % shape.pools()) * perPool + i % perPool;
            String sha1 = presented.get(EstateGenerator.server(target));
            X509Certificate leaf = x509(cf, der(graph, sha1));
            String issuerSha1 = graph.read("certificate-issuers", Map.of("sha1s", List.of(sha1)),
                    rs -> rs.isEmpty() ? null : rs.get(0).get("issuer").get("sha1").asString());
            X509Certificate issuer = issuerSha1 == null ? null
                    : cas.computeIfAbsent(issuerSha1, k -> x509(cf, der(graph, k)));
            List<X509Certificate> path = issuer == null ? List.of(leaf) : List.of(leaf, issuer);
            try {
                validator.validate(cf.generateCertPath(path), params);
            } catch (java.security.cert.CertPathValidatorException e) {
                failed++;
            }
        }
        double perPair = millis(t) / sample;
        double total = perPair * pairs;
        figure(size, "naive PKIX per relying party and server", perPair, "ms/pair");
        out.printf(Locale.ROOT, "  (%,d pairs; %,d timed, the rest extrapolated)%n", pairs,
                sample);
        figure(size, "naive PKIX, all pairs", total, "ms");
        figure(size, "naive PKIX / certgraph direct (p50)", total / directP50, "ratio");
        if (failed != sample) {
            out.printf(Locale.ROOT, "  (PKIX: %d of %d sampled pairs still validated)%n",
                    sample - failed, sample);
        }
    }

    private static byte[] der(Graph graph, String sha1) {
        return graph.read("certificate-by-thumbprint", Map.of("thumbprint", sha1), rs ->
                rs.get(0).get("c").get("der").asByteArray());
    }

    private static X509Certificate x509(CertificateFactory cf, byte[] der) {
        try {
            return (X509Certificate) cf.generateCertificate(new java.io.ByteArrayInputStream(
                    der));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    // --------------------------------------------------------------- memory and summary

    /**
     * Heap in use, sampled every 20 ms by a daemon thread: the highest total at one instant
     * (the sum of each pool's own peak would add peaks that never happened together), and the
     * highest total left after a collection, which is what the run really keeps alive.
     */
    private static final class HeapSampler {
        private static final AtomicLong PEAK = new AtomicLong();
        private static final AtomicLong LIVE_PEAK = new AtomicLong();

        static {
            Thread t = new Thread(() -> {
                while (true) {
                    sample();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "certgraph-heap-sampler");
            t.setDaemon(true);
            t.start();
        }

        static void sample() {
            PEAK.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
                    .getUsed(), Math::max);
            long live = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    live += pool.getCollectionUsage().getUsed();
                }
            }
            LIVE_PEAK.accumulateAndGet(live, Math::max);
        }

        static void reset() {
            PEAK.set(0);
            LIVE_PEAK.set(0);
        }
    }

    private static void resetPeaks() {
        System.gc();
        HeapSampler.reset();
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: the resident peak is then the process's own
        }
    }

    private static double heapPeakMiB() {
        HeapSampler.sample();
        return HeapSampler.PEAK.get() / (1024.0 * 1024.0);
    }

    private static double heapLivePeakMiB() {
        return HeapSampler.LIVE_PEAK.get() / (1024.0 * 1024.0);
    }

    private static double residentPeakMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private void summary() {
        Map<String, Map<Integer, Figure>> byName = new LinkedHashMap<>();
        List<Integer> sizes = new ArrayList<>();
        for (Figure f : figures) {
            byName.computeIfAbsent(f.name(), k -> new LinkedHashMap<>()).put(f.size(), f);
            if (!sizes.contains(f.size())) {
                sizes.add(f.size());
            }
        }
        out.printf(Locale.ROOT, "%nSummary%n%-46s", "figure");
        for (int size : sizes) {
            out.printf(Locale.ROOT, " %14s", "N=" + String.format(Locale.ROOT, "%,d", size));
        }
        out.printf(Locale.ROOT, "  unit%n");
        byName.forEach((name, bySize) -> {
            out.printf(Locale.ROOT, "%-46s", name.length() > 46 ? name.substring(0, 46) : name);
            String unit = "";
            for (int size : sizes) {
                Figure f = bySize.get(size);
                out.printf(Locale.ROOT, " %14s", f == null ? "-" : format(f.value()));
                unit = f == null ? unit : f.unit();
            }
            out.printf(Locale.ROOT, "  %s%n", unit);
        });
        out.flush();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
