package org.certgraph.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.certgraph.cert.CertificateFacts;
import org.certgraph.cert.CertificateReader;
import org.certgraph.cert.ReadResult;
import org.certgraph.graph.Graph;
import org.certgraph.sources.Model;

/**
 * Loads certificate files and folders: reads each file (the format is sniffed from its bytes)
 * and hands the certificates to a {@link FactLoader}. Loose certificate files only ever add to
 * the graph. With a trust list, the import is that list's source: its entries become exactly
 * the certificates found, unless some file could not be read, in which case the list keeps its
 * earlier entries.
 */
final class CertificateImporter {

    static final String SOURCE = "certificate-files";

    private final Graph graph;

    CertificateImporter(Graph graph) {
        this.graph = graph;
    }

    ImportReport run(ImportRequest request, ImportProgress progress) {
        List<String> expandProblems = new ArrayList<>();
        List<Path> files = expand(request.paths(), expandProblems);
        progress.started(files.size());

        String list = request.trustList();
        FactLoader loader = new FactLoader(graph, list != null, request.paths().stream()
                .map(Path::toString).collect(Collectors.joining(", ")));
        loader.begin(list == null ? SOURCE : "trust-list:" + list);
        if (list != null) {
            loader.node(Model.TRUST_LIST, list, Map.of("kind", "imported"));
        }
        expandProblems.forEach(p -> loader.problem(0, p));

        CertificateReader reader = new CertificateReader(request.password());
        int filesWithProblems = 0;
        for (Path file : files) {
            ReadResult result = reader.read(file);
            if (!result.problems().isEmpty()) {
                filesWithProblems++;
                result.problems().forEach(p -> loader.problem(0, p));
            }
            for (CertificateFacts c : result.certificates()) {
                loader.certificate(c);
                if (list != null) {
                    loader.relationship(Model.TRUSTS, Model.TRUST_LIST, list, Model.CERTIFICATE,
                            c.sha1(), Map.of("store", request.store()));
                }
            }
            progress.fileRead(file.toString(), result.certificates().size());
        }
        progress.finished();
        LoadReport report = loader.finish();
        return new ImportReport(files.size(), filesWithProblems, report.certificatesRead(),
                report.certificatesNew(), report.chainLinks(), report.created(Model.TRUSTS),
                report.removed(Model.TRUSTS), report.problems());
    }

    static List<Path> expand(List<Path> paths, List<String> problems) {
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
}
