package org.certgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.certgraph.core.CertGraph;
import org.certgraph.core.ImportReport;
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
        description = {"Loads certificate files and folders (recursively) into the graph.",
            "Formats are recognised from the content: PEM, DER, Base64, PKCS#7, PKCS#12 "
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

    @Override
    public Integer call() {
        char[] secret = password != null ? password : fromEnvironment();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportReport report;
        try (Graph graph = graphOptions.open();
             ProgressDisplay progress = ProgressDisplay.create(err)) {
            report = new CertGraph(graph).importCertificates(
                    new ImportRequest(paths, trustList, store, secret), progress);
        } finally {
            if (secret != null) {
                java.util.Arrays.fill(secret, '\0');
            }
        }
        for (String problem : report.problems()) {
            err.println("problem: " + problem);
        }
        out.println(summary(report));
        out.flush();
        return report.hasProblems() ? ExitCode.IMPORT_PROBLEMS : ExitCode.OK;
    }

    private String summary(ImportReport r) {
        StringBuilder s = new StringBuilder();
        s.append("Imported ").append(r.filesRead()).append(r.filesRead() == 1 ? " file" : " files")
                .append(": ").append(r.certificatesRead()).append(" certificates (")
                .append(r.certificatesNew()).append(" new, ").append(r.certificatesKnown())
                .append(" already known), ").append(r.chainLinks()).append(" chain links made");
        if (trustList != null) {
            s.append(", trust list ").append(trustList).append(": ")
                    .append(r.trustEntriesAdded()).append(" entries added, ")
                    .append(r.trustEntriesRemoved()).append(" removed");
        }
        s.append(", ").append(r.problems().size())
                .append(r.problems().size() == 1 ? " problem." : " problems.");
        return s.toString();
    }

    private static char[] fromEnvironment() {
        String value = System.getenv("CERTGRAPH_PASSWORD");
        return value == null ? null : value.toCharArray();
    }
}
