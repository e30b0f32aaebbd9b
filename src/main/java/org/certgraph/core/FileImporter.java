package org.certgraph.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.certgraph.cert.CertificateFacts;
import org.certgraph.cert.CertificateReader;
import org.certgraph.cert.ReadResult;
import org.certgraph.core.ImportReport.SourceFileReport;
import org.certgraph.graph.Graph;
import org.certgraph.sources.Model;
import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.SourceReader;
import org.certgraph.sources.TextFiles;
import org.certgraph.sources.phones.FirmwareFacts;
import org.certgraph.sources.phones.FirmwareKnowledge;
import org.certgraph.sources.phones.FirmwareVersion;
import org.certgraph.sources.phones.KnowledgeException;

/**
 * Loads files and folders. Each file is recognised by its content: the export of a known source
 * (an AD CS dump, a store export, a cmdlet's output, an inventory) is read by that source's
 * reader and loaded as that source, replacing what the same source said before; anything else
 * is read as certificates. Loose certificate files only ever add to the graph; with a trust
 * list, the certificate files are that list's source and its entries become exactly the
 * certificates found (unless some file could not be read: then the list keeps its entries).
 */
final class FileImporter {

    static final String CERTIFICATE_SOURCE = "certificate-files";
    static final String KNOWLEDGE_SOURCE = "firmware-knowledge";
    private static final int HEAD = 8 * 1024;

    private final Graph graph;

    FileImporter(Graph graph) {
        this.graph = graph;
    }

    ImportReport run(ImportRequest request, ImportProgress progress) {
        List<String> problems = new ArrayList<>();
        List<Path> files = expand(request.paths(), problems);
        progress.started(files.size());
        List<Path> sites = new ArrayList<>();
        FirmwareKnowledge knowledge = knowledge(request, files, sites, problems);
        List<SourceReader> readers = readers(request.source(), knowledge);
        boolean forced = request.source() != null;

        List<SourceFileReport> sources = new ArrayList<>();
        LongAdder linkNanos = new LongAdder();
        IssuerIndex issuers = new IssuerIndex(graph);
        CertificateFiles certificates = new CertificateFiles(request, issuers, problems);
        int filesWithProblems = 0;
        for (Path file : files) {
            SourceReader reader = forced ? readers.stream().findFirst().orElse(null)
                    : recognise(file, readers);
            if (reader == null) {
                filesWithProblems += certificates.read(file, progress) ? 0 : 1;
                continue;
            }
            SourceFileReport report = loadSource(file, reader, request, issuers, linkNanos);
            sources.add(report);
            problems.addAll(report.load().problems());
            filesWithProblems += report.load().problems().isEmpty() ? 0 : 1;
            progress.fileRead(file.toString(), report.load().certificatesRead()
                    + report.load().references());
        }
        progress.finished();
        LoadReport certs = certificates.finish();
        linkNanos.add(certificates.loader.chainLinkNanos());
        graph.write("authority-certificates", Map.of(), rs -> null);
        if (knowledge != null) {
            problems.addAll(describeFirmware(knowledge, !sites.isEmpty()));
        }
        problems.addAll(0, certs.problems());
        return new ImportReport(files.size(), filesWithProblems, certs.certificatesRead(),
                certs.certificatesNew(), certs.chainLinks(), certs.created(Model.TRUSTS),
                certs.removed(Model.TRUSTS), List.copyOf(problems), List.copyOf(sources),
                sites.stream().map(Path::toString).toList(), linkNanos.sum() / 1_000_000);
    }

    private SourceFileReport loadSource(Path file, SourceReader reader, ImportRequest request,
                                        IssuerIndex issuers, LongAdder linkNanos) {
        FactLoader loader = new FactLoader(graph, issuers, true, file.toString());
        try {
            return loadSource(file, reader, request, loader);
        } finally {
            try {
                loader.close();
            } catch (RuntimeException alreadyReported) {
                // the failure that ended the read is the one on its way to the user
            }
            linkNanos.add(loader.chainLinkNanos());
        }
    }

    private static SourceFileReport loadSource(Path file, SourceReader reader,
                                               ImportRequest request, FactLoader loader) {
        try {
            reader.read(file, request.options(), loader);
        } catch (SourceReadException e) {
            loader.close();
            return new SourceFileReport(file.toString(), reader.description(),
                    failed(e.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            loader.close();
            return new SourceFileReport(file.toString(), reader.description(), failed(file
                    + ": cannot be read (" + e.getMessage() + "); nothing of it was loaded."));
        }
        return new SourceFileReport(file.toString(), reader.description(), loader.finish());
    }

    private static LoadReport failed(String problem) {
        return new LoadReport(null, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(), List.of(problem),
                true);
    }

    /**
     * The shipped firmware knowledge with the site's on top: the files kept in the graph from
     * earlier imports, then the one named with --knowledge and any knowledge file among the
     * imported files (which is then not read as data, and is kept in the graph for later).
     */
    private FirmwareKnowledge knowledge(ImportRequest request, List<Path> files,
                                        List<Path> sites, List<String> problems) {
        if (request.knowledge() != null) {
            sites.add(request.knowledge());
        }
        for (var it = files.iterator(); it.hasNext();) {
            Path file = it.next();
            if (isKnowledgeFile(file)) {
                sites.add(file);
                it.remove();
            }
        }
        FirmwareKnowledge knowledge;
        try {
            knowledge = FirmwareKnowledge.fromClassPath();
        } catch (KnowledgeException e) {
            problems.add("The shipped firmware knowledge cannot be read: " + e.getMessage());
            return null;
        }
        List<Map<String, String>> kept = graph.read("site-knowledge-load", Map.of(),
                rs -> rs.stream().map(r -> Map.of("name", r.get("name").asString(),
                        "text", r.get("text").asString())).toList());
        for (Map<String, String> file : kept) {
            try {
                knowledge = knowledge.with(file.get("name"), file.get("text"));
            } catch (KnowledgeException e) {
                problems.add("The site knowledge " + file.get("name") + " kept from an earlier "
                        + "import cannot be read any more: " + e.getMessage());
            }
        }
        for (Path site : sites) {
            try {
                String text = Files.readString(site);
                knowledge = knowledge.with(site.getFileName().toString(), text);
                graph.write("site-knowledge-save", Map.of("name", site.getFileName().toString(),
                        "text", text, "now", java.time.OffsetDateTime.now()), rs -> null);
            } catch (KnowledgeException | IOException e) {
                problems.add(site + ": " + e.getMessage());
            }
        }
        return knowledge;
    }

    private static boolean isKnowledgeFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            return false;
        }
        try {
            return TextFiles.head(file, HEAD).lines()
                    .anyMatch(l -> l.startsWith("certgraph-knowledge:"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static List<SourceReader> readers(String forced, FirmwareKnowledge knowledge) {
        if (forced == null) {
            return SourceReaders.all(knowledge);
        }
        if (forced.equals(SourceReaders.CERTIFICATES)) {
            return List.of();
        }
        return List.of(SourceReaders.named(forced, knowledge).orElseThrow(
                () -> new IllegalArgumentException("--source " + forced + " is not a source "
                        + "certgraph reads; use one of "
                        + String.join(", ", SourceReaders.names()) + ".")));
    }

    private static SourceReader recognise(Path file, List<SourceReader> readers) {
        if (readers.isEmpty()) {
            return null;
        }
        String head;
        try {
            head = TextFiles.head(file, HEAD);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return readers.stream().filter(r -> r.recognises(head)).findFirst().orElse(null);
    }

    static List<Path> expand(List<Path> paths, List<String> problems) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                problems.add(path + ": no such file or folder; check the path.");
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(FileImporter::isData).sorted()
                            .forEach(files::add);
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

    /**
     * Firmware that arrived without what it can verify (device update rules name versions
     * only) gets its capabilities from the knowledge, as phone inventories do; when the site's
     * knowledge changed, every firmware is judged again.
     */
    private List<String> describeFirmware(FirmwareKnowledge knowledge, boolean all) {
        List<Map<String, Object>> firmware = graph.read("firmware-without-capability",
                Map.of("all", all),
                rs -> rs.stream().map(r -> Map.<String, Object>of("id", r.get("id").asString(),
                        "model", r.get("model").asString(), "version",
                        r.get("version").asString())).toList());
        if (firmware.isEmpty()) {
            return List.of();
        }
        FactLoader loader = new FactLoader(graph, new IssuerIndex(graph), false,
                "firmware knowledge");
        loader.begin(KNOWLEDGE_SOURCE);
        for (Map<String, Object> f : firmware) {
            String version = (String) f.get("version");
            if (!FirmwareVersion.isValid(version)) {
                continue;
            }
            loader.node(Model.FIRMWARE, (String) f.get("id"), FirmwareFacts.properties(
                    knowledge, (String) f.get("model"), FirmwareVersion.parse(version)));
        }
        return loader.finish().problems();
    }

    /**
     * Whether a file found in a folder may hold data: notes (Markdown) and hidden files, such
     * as a README beside the exports, are passed over. A file named on the command line is
     * always read.
     */
    private static boolean isData(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.toLowerCase(Locale.ROOT).endsWith(".md");
    }

    /** The certificate files of one import, loaded together as one source. */
    private final class CertificateFiles {
        private final ImportRequest request;
        private final FactLoader loader;
        private final CertificateReader reader;
        private final String list;

        CertificateFiles(ImportRequest request, IssuerIndex issuers,
                         List<String> expandProblems) {
            this.request = request;
            this.list = request.trustList();
            this.reader = new CertificateReader(request.password());
            this.loader = new FactLoader(graph, issuers, list != null, request.paths().stream()
                    .map(Path::toString).collect(Collectors.joining(", ")));
            loader.begin(list == null ? CERTIFICATE_SOURCE : "trust-list:" + list);
            if (list != null) {
                loader.node(Model.TRUST_LIST, list, Map.of("kind", "imported"));
            }
            expandProblems.forEach(p -> loader.problem(0, p));
            expandProblems.clear();
        }

        /** Reads one certificate file; false when it had problems. */
        boolean read(Path file, ImportProgress progress) {
            ReadResult result = reader.read(file);
            result.problems().forEach(p -> loader.problem(0, p));
            for (CertificateFacts c : result.certificates()) {
                loader.certificate(c);
                if (list != null) {
                    loader.relationship(Model.TRUSTS, Model.TRUST_LIST, list, Model.CERTIFICATE,
                            c.sha1(), Map.of("store", request.store()));
                }
            }
            progress.fileRead(file.toString(), result.certificates().size());
            return result.problems().isEmpty();
        }

        LoadReport finish() {
            return loader.finish();
        }
    }
}
