package org.certgraph.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.certgraph.cert.CertificateFacts;
import org.certgraph.cert.CertificateReader;
import org.certgraph.cert.ReadResult;
import org.certgraph.graph.Graph;

/**
 * Loads certificate files and folders: reads each file (the format is sniffed from its bytes),
 * writes the certificates in batches, links them to their issuers, and, when asked, makes them
 * the entries of a trust list. A file that cannot be read is reported and skipped; when any file
 * could not be read, the trust list keeps its old entries (nothing is cleaned up from a partial
 * read).
 */
final class CertificateImporter {

    static final String SOURCE = "certificate-files";
    private static final int BATCH = 2_000;

    private final Graph graph;
    private final ChainLinker linker;

    CertificateImporter(Graph graph) {
        this.graph = graph;
        this.linker = new ChainLinker(graph);
    }

    ImportReport run(ImportRequest request, ImportProgress progress) {
        List<String> problems = new ArrayList<>();
        List<Path> files = expand(request.paths(), problems);
        progress.started(files.size());

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        String source = request.trustList() == null ? SOURCE : "trust-list:" + request.trustList();
        CertificateReader reader = new CertificateReader(request.password());
        Map<String, CertificateFacts> batch = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        int filesWithProblems = 0;
        int created = 0;
        int links = 0;

        for (Path file : files) {
            ReadResult result = reader.read(file);
            if (!result.problems().isEmpty()) {
                filesWithProblems++;
                problems.addAll(result.problems());
            }
            for (CertificateFacts c : result.certificates()) {
                if (seen.add(c.sha1())) {
                    batch.put(c.sha1(), c);
                }
            }
            if (batch.size() >= BATCH) {
                BatchResult written = write(batch, source, now);
                created += written.created;
                links += written.links;
                batch.clear();
            }
            progress.fileRead(file.toString(), result.certificates().size());
        }
        BatchResult written = write(batch, source, now);
        created += written.created;
        links += written.links;
        progress.finished();

        int[] trust = request.trustList() == null
                ? new int[] {0, 0}
                : recordTrustList(request, seen, source, now, problems.isEmpty(), problems);
        return new ImportReport(files.size(), filesWithProblems, seen.size(), created, links,
                trust[0], trust[1], List.copyOf(problems));
    }

    private BatchResult write(Map<String, CertificateFacts> batch, String source,
                              OffsetDateTime now) {
        if (batch.isEmpty()) {
            return new BatchResult(0, 0);
        }
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        batch.values().forEach(c -> rows.add(row(c)));
        List<String> createdSha1 = graph.write("certificates-upsert",
                Map.of("rows", rows, "source", source, "now", now),
                records -> records.stream()
                        .filter(r -> r.get("created").asBoolean())
                        .map(r -> r.get("sha1").asString())
                        .toList());
        List<CertificateFacts> createdFacts = createdSha1.stream().map(batch::get).toList();
        int links = linker.link(createdFacts, now);
        return new BatchResult(createdFacts.size(), links);
    }

    private int[] recordTrustList(ImportRequest request, Set<String> sha1s, String source,
                                  OffsetDateTime now, boolean complete, List<String> problems) {
        String importId = UUID.randomUUID().toString();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String sha1 : sha1s) {
            entries.add(Map.of("sha1", sha1, "store", request.store()));
        }
        int added = graph.write("trust-list-entries", Map.of("id", request.trustList(),
                        "kind", "imported", "source", source, "importId", importId, "now", now,
                        "entries", entries),
                records -> records.isEmpty() ? 0 : records.get(0).get("created").asInt());
        if (!complete) {
            problems.add("Trust list " + request.trustList() + " kept its earlier entries because "
                    + "some files could not be read; fix them and import again to replace them.");
            return new int[] {added, 0};
        }
        int removed = graph.write("trust-list-cleanup", Map.of("id", request.trustList(),
                        "source", source, "importId", importId),
                records -> records.get(0).get("removed").asInt());
        return new int[] {added, removed};
    }

    private static Map<String, Object> row(CertificateFacts c) {
        Map<String, Object> props = new HashMap<>();
        props.put("sha256", c.sha256());
        props.put("serialNumber", c.serialNumber());
        props.put("subject", c.subject());
        props.put("issuer", c.issuer());
        props.put("subjectKey", c.subjectKey());
        props.put("issuerKey", c.issuerKey());
        props.put("notBefore", c.notBefore().atOffset(ZoneOffset.UTC));
        props.put("notAfter", c.notAfter().atOffset(ZoneOffset.UTC));
        props.put("signatureAlgorithm", c.signatureAlgorithm());
        props.put("signatureHash", c.signatureHash().name());
        props.put("keyAlgorithm", c.keyAlgorithm());
        props.put("keySize", c.keySize());
        props.put("isCA", c.isCA());
        props.put("pathLength", c.pathLength());
        props.put("subjectKeyId", c.subjectKeyId());
        props.put("authorityKeyId", c.authorityKeyId());
        props.put("dnsNames", c.dnsNames());
        props.put("ekus", c.ekus());
        props.put("keyUsages", c.keyUsages());
        props.put("selfSigned", c.selfSigned());
        props.put("version", c.version());
        props.put("der", c.der());
        Map<String, Object> row = new HashMap<>();
        row.put("sha1", c.sha1());
        row.put("props", props);
        row.put("isCA", c.isCA());
        row.put("root", c.selfSigned());
        row.put("leaf", !c.isCA() && !c.selfSigned());
        return row;
    }

    private static List<Path> expand(List<Path> paths, List<String> problems) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                problems.add(path + ": no such file or folder; check the path.");
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    problems.add(path + ": cannot list the folder (" + e.getMessage()
                            + "); check its permissions.");
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    private record BatchResult(int created, int links) {
    }
}
