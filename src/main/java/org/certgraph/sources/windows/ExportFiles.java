package org.certgraph.sources.windows;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.certgraph.sources.FactSink;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.windows.CmdletOutput.Record;

/** What the readers of PowerShell exports share: finding the server and reporting problems. */
public final class ExportFiles {

    private ExportFiles() {
    }

    /**
     * The server an export was taken on: a PSComputerName property that is an FQDN (the same in
     * every record), else {@code options.server()}, else a file name that starts with an FQDN
     * followed by a hyphen ({@code fe01.contoso.com-Root.csv}).
     *
     * @param example a file name to suggest, e.g. {@code fe01.contoso.com-Root.csv}
     * @return the lower-case FQDN
     * @throws SourceReadException when none of these names the server, or the records name
     *     several; the message asks for {@code --server}
     */
    public static String server(String fileName, List<Record> records, ReadOptions options,
                                String example) throws SourceReadException {
        Set<String> computers = new LinkedHashSet<>();
        for (Record record : records) {
            String computer = record.text("PSComputerName");
            if (computer != null) {
                computers.add(computer.toLowerCase(Locale.ROOT));
            }
        }
        if (computers.size() > 1) {
            throw new SourceReadException(fileName + ": PSComputerName names "
                    + computers.size() + " servers (" + String.join(", ", computers)
                    + "); save one file per server, e.g. " + example);
        }
        String computer = computers.isEmpty() ? null : computers.iterator().next();
        if (computer != null && WindowsNames.isFqdn(computer)) {
            return WindowsNames.fqdn(computer);
        }
        String given = options == null ? null : options.server();
        if (given != null && !given.isBlank()) {
            if (!WindowsNames.isFqdn(given)) {
                throw new SourceReadException(fileName + ": --server " + given + " is not a"
                        + " fully qualified name; give the server's FQDN, e.g. --server"
                        + " fe01.contoso.com");
            }
            return WindowsNames.fqdn(given);
        }
        String fromName = WindowsNames.serverFromFileName(fileName);
        if (fromName != null) {
            return fromName;
        }
        throw new SourceReadException(fileName + ": does not say which server it was taken on"
                + (computer == null ? "" : " (PSComputerName is only \"" + computer + "\")")
                + "; add --server fe01.contoso.com with the server's FQDN, or start the file"
                + " name with it, e.g. " + example);
    }

    /** Hands the parser's problems to the sink, each naming the file and the line. */
    public static void forwardProblems(String fileName, CmdletOutput.Parsed parsed,
                                       FactSink sink) {
        for (CmdletOutput.Problem problem : parsed.problems()) {
            problem(sink, fileName, problem.line(), problem.message());
        }
    }

    /** Reports a problem as "FILE line N: MESSAGE". */
    public static void problem(FactSink sink, String fileName, long line, String message) {
        sink.problem(line, fileName + " line " + line + ": " + message);
    }

    /**
     * Reports what PowerShell did to a collection property that cannot be read whole: shortened
     * it with "..." (list view) or wrote its type name instead of its items (Export-Csv).
     *
     * @return true when the property's items can be used (possibly only some of them)
     */
    public static boolean checkList(FactSink sink, String fileName, Record record,
                                    String property, String guide) {
        for (Object item : record.list(property)) {
            if (item instanceof String text && CmdletOutput.isTypeName(text)) {
                problem(sink, fileName, record.line(), property + " holds the type name \""
                        + text + "\" instead of its items; export it with the calculated"
                        + " property shown in " + guide);
                return false;
            }
        }
        if (record.shortened(property)) {
            problem(sink, fileName, record.line(), property + " ends with \"...\": PowerShell"
                    + " shortened the list, so only the items shown are loaded; run"
                    + " $FormatEnumerationLimit = -1 before saving the output, or export it"
                    + " with ConvertTo-Json as shown in " + guide);
        }
        return true;
    }
}
