package org.certgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.certgraph.core.CertGraph;
import org.certgraph.core.ImportReport;
import org.certgraph.core.ImportReport.SourceFileReport;
import org.certgraph.core.LoadReport;
import org.certgraph.core.SourceReaders;
import org.certgraph.sources.ReadOptions;
import org.certgraph.core.ImportRequest;
import org.certgraph.graph.Graph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code certgraph import}: loads certificate files and folders into the graph. */
@Command(name = "import", sortOptions = false,
        description = {"Loads files and folders (recursively) into the graph.",
            "Each file is recognised from its content: the exports of AD CS, Windows certificate "
                + "stores, Skype for Business cmdlets, phone inventories and certgraph "
                + "inventories, or certificates in PEM, DER, Base64, PKCS#7, PKCS#12 "
                + "(certificates only; keys are never read) and Java keystores."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    GraphOptions graphOptions;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files and folders to read.")
    List<Path> paths;

    @Option(names = "--trust-list", paramLabel = "ID",
            description = "Also record the certificates found as the entries of this trust list "
                    + "(e.g. debian-roots); entries it held from an earlier import of the same "
                    + "list that are no longer found are removed.")
    String trustList;

    @Option(names = "--store", paramLabel = "STORE", defaultValue = "Root",
            description = "The store of the trust list entries (default: Root).")
    String store;

    @Option(names = "--password", paramLabel = "PASSWORD", interactive = true, arity = "0..1",
            description = "Password of PKCS#12 files and keystores; without a value it is asked "
                    + "for. The CERTGRAPH_PASSWORD environment variable works too.")
    char[] password;

    @Option(names = "--source", paramLabel = "NAME",
            description = "Read every file as this source instead of recognising it: "
                    + "${COMPLETION-CANDIDATES}.", completionCandidates = SourceNames.class)
    String source;

    @Option(names = "--server", paramLabel = "FQDN",
            description = "The server a store export or Get-CsCertificate output was taken on, "
                    + "when the file does not say.")
    String server;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "The date format of an AD CS dump when it cannot be told from the "
                    + "dates, e.g. \"dd/MM/yyyy HH:mm\".")
    String dateFormat;

    @Option(names = "--authority", paramLabel = "NAME",
            description = "The CA an AD CS dump or template list came from, when the file "
                    + "does not say.")
    String authority;

    @Option(names = "--knowledge", paramLabel = "FILE",
            description = "The site's firmware knowledge file (settings and tested firmware) on "
                    + "top of the shipped one; see importers/phones.md.")
    Path knowledge;

    @Override
    public Integer call() {
        char[] secret = password != null ? password : fromEnvironment();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportReport report;
        try (Graph graph = graphOptions.open();
             ProgressDisplay progress = ProgressDisplay.create(err)) {
            report = new CertGraph(graph).importCertificates(
                    new ImportRequest(paths, trustList, store, secret, source,
                            new ReadOptions(server, dateFormat, authority), knowledge), progress);
        } finally {
            if (secret != null) {
                java.util.Arrays.fill(secret, '\0');
            }
        }
        for (String problem : report.problems()) {
            err.println("problem: " + problem);
        }
        for (SourceFileReport file : report.sources()) {
            out.println(describe(file));
        }
        for (String file : report.knowledge()) {
            out.println(file + ": site firmware knowledge, kept in the graph; every firmware was "
                    + "judged again with it");
        }
        out.println(summary(report));
        out.flush();
        return report.hasProblems() ? ExitCode.IMPORT_PROBLEMS : ExitCode.OK;
    }

    private String summary(ImportReport r) {
        int read = r.certificatesRead();
        int fresh = r.certificatesNew();
        int links = r.chainLinks();
        for (SourceFileReport f : r.sources()) {
            read += f.load().certificatesRead();
            fresh += f.load().certificatesNew();
            links += f.load().chainLinks();
        }
        int exports = r.sources().size();
        StringBuilder s = new StringBuilder();
        s.append("Imported ").append(r.filesRead()).append(r.filesRead() == 1 ? " file" : " files");
        if (exports > 0) {
            s.append(" (").append(exports).append(exports == 1 ? " export, " : " exports, ")
                    .append(r.filesRead() - exports).append(" certificate files)");
        }
        s.append(": ").append(count(read, "certificate")).append(" (").append(fresh)
                .append(" new, ").append(read - fresh).append(" already known), ")
                .append(count(links, "chain link")).append(" made");
        if (trustList != null) {
            s.append(", trust list ").append(trustList).append(": ")
                    .append(r.trustEntriesAdded()).append(" entries added, ")
                    .append(r.trustEntriesRemoved()).append(" removed");
        }
        s.append(", ").append(count(r.problems().size(), "problem")).append('.');
        return s.toString();
    }

    /** "1 certificate", "2 certificates", "1 Server", "3 Servers". */
    static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    private static String describe(SourceFileReport file) {
        LoadReport load = file.load();
        StringBuilder s = new StringBuilder(file.file()).append(": ").append(file.description());
        if (load.source() == null) {
            return s.append(": not loaded").toString();
        }
        s.append(" as ").append(load.source()).append(":");
        List<String> parts = new ArrayList<>();
        if (load.certificatesRead() > 0) {
            parts.add(count(load.certificatesRead(), "certificate") + " ("
                    + load.certificatesNew() + " new)");
        }
        if (load.references() > 0) {
            parts.add(count(load.references(), "thumbprint reference"));
        }
        load.nodes().forEach((label, n) -> parts.add(count(n, label)));
        int rels = load.relationshipsCreated().values().stream().mapToInt(Integer::intValue).sum();
        parts.add(count(rels, "new relationship"));
        int removed = load.removed().values().stream().mapToInt(Integer::intValue).sum();
        if (removed > 0) {
            parts.add(removed + " withdrawn");
        }
        if (!load.problems().isEmpty()) {
            parts.add(count(load.problems().size(), "problem"));
        }
        return s.append(' ').append(String.join(", ", parts)).toString();
    }

    /** The names --source takes, for the help text and shell completion. */
    static final class SourceNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SourceReaders.names().iterator();
        }
    }

    private static char[] fromEnvironment() {
        String value = System.getenv("CERTGRAPH_PASSWORD");
        return value == null ? null : value.toCharArray();
    }
}
