package org.certgraph.sources.windows;

import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certgraph.cert.CertificateFacts;
import org.certgraph.cert.CertificateFormatException;
import org.certgraph.cert.CertificateParser;
import org.certgraph.cert.Thumbprints;
import org.certgraph.sources.FactSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.SourceReader;
import org.certgraph.sources.windows.CmdletOutput.Record;

/**
 * A Windows certificate store listed with {@code Get-ChildItem Cert:\LocalMachine\<Store>} and
 * saved with Export-Csv or ConvertTo-Json, by Windows PowerShell 5.1 or PowerShell 7.
 *
 * <p>The store becomes a trust list {@code store:<server fqdn>:<Store>} that the server has
 * (HAS_STORE) and that trusts every certificate in it (TRUSTS {store}). A row whose RawData holds
 * the certificate (Base64, or the array of numbers ConvertTo-Json writes for bytes) gives the
 * whole certificate; a row with only a Thumbprint gives a reference by thumbprint.
 *
 * <p>The server comes from a PSComputerName column (an FQDN), else {@link ReadOptions#server},
 * else a file name {@code <fqdn>-<Store>.csv|json}. The store comes from PSParentPath, else the
 * file name. One file holds one store of one server.
 */
public final class CertStoreReader implements SourceReader {

    /** The trust list kind this reader writes. */
    public static final String KIND = "store";

    @Override
    public String name() {
        return "store";
    }

    @Override
    public String description() {
        return "Windows certificate store listing (Get-ChildItem Cert:\\LocalMachine\\Root,"
                + " \\CA or \\My with Export-Csv or ConvertTo-Json)";
    }

    @Override
    public boolean recognises(String head) {
        if (head == null) {
            return false;
        }
        if (head.contains("System.Security.Cryptography.X509Certificates.X509Certificate2")
                || head.contains("Certificate::LocalMachine")) {
            return true;
        }
        Set<String> names = CmdletOutput.propertyNames(head);
        return names.contains("thumbprint") && !names.contains("use")
                && (names.contains("rawdata") || names.contains("psparentpath")
                    || names.contains("subject"));
    }

    /** The trust list id of a server's store, e.g. {@code store:fe01.contoso.com:Root}. */
    public static String trustListId(String serverFqdn, String store) {
        return "store:" + WindowsNames.fqdn(serverFqdn) + ":" + WindowsNames.store(store);
    }

    @Override
    public void read(Path file, ReadOptions options, FactSink sink) throws SourceReadException {
        String fileName = String.valueOf(file.getFileName());
        CmdletOutput.Parsed parsed = CmdletOutput.parse(file);
        List<Record> records = parsed.records();
        boolean anyCertificateColumn = records.stream()
                .anyMatch(r -> r.has("Thumbprint") || r.has("RawData"));
        if (!records.isEmpty() && !anyCertificateColumn) {
            throw new SourceReadException(fileName + ": has no Thumbprint or RawData property,"
                    + " so it is not a certificate store listing; export the store with the"
                    + " command in importers/windows-stores.md");
        }
        String server = ExportFiles.server(fileName, records, options,
                "fe01.contoso.com-Root.csv");
        String store = store(fileName, records);
        String listId = trustListId(server, store);

        sink.begin(listId);
        sink.node(Model.SERVER, server, Map.of());
        sink.node(Model.TRUST_LIST, listId, Map.of("kind", KIND, "server", server,
                "store", store));
        sink.relationship(Model.HAS_STORE, Model.SERVER, server, Model.TRUST_LIST, listId,
                Map.of());
        ExportFiles.forwardProblems(fileName, parsed, sink);
        Set<String> seen = new LinkedHashSet<>();
        for (Record record : records) {
            String sha1 = entry(fileName, record, sink);
            if (sha1 != null && seen.add(sha1)) {
                sink.relationship(Model.TRUSTS, Model.TRUST_LIST, listId, Model.CERTIFICATE,
                        sha1, Map.of("store", store));
            }
        }
    }

    /** Hands over the certificate or reference of one row; returns its SHA-1, or null. */
    private static String entry(String fileName, Record record, FactSink sink) {
        String where = fileName + " line " + record.line();
        String thumbprint = record.text("Thumbprint");
        byte[] der = null;
        try {
            der = rawData(record.get("RawData"));
        } catch (IllegalArgumentException e) {
            sink.problem(record.line(), where + ": RawData is not Base64 (" + e.getMessage()
                    + "); export RawData with [Convert]::ToBase64String($_.RawData) as in"
                    + " importers/windows-stores.md" + (thumbprint == null ? ""
                    : "; the row is kept by its thumbprint"));
        }
        if (der != null) {
            try {
                CertificateFacts facts = CertificateParser.parse(der);
                if (thumbprint != null && Thumbprints.isSha1(thumbprint)
                        && !Thumbprints.normalise(thumbprint).equals(facts.sha1())) {
                    sink.problem(record.line(), where + ": Thumbprint " + thumbprint
                            + " is not the SHA-1 of the certificate in RawData ("
                            + facts.sha1() + "); the certificate is used. Check that the row"
                            + " was not edited by hand");
                }
                sink.certificate(facts);
                return facts.sha1();
            } catch (CertificateFormatException e) {
                sink.problem(record.line(), where + ": RawData is not a certificate ("
                        + e.getMessage() + ")" + (thumbprint == null
                        ? "; export the store again" : "; the row is kept by its thumbprint"));
            }
        }
        if (thumbprint == null) {
            sink.problem(record.line(), where + ": the row has neither a Thumbprint nor"
                    + " RawData and is skipped; export the store again with the Thumbprint"
                    + " property");
            return null;
        }
        if (!Thumbprints.isSha1(thumbprint)) {
            sink.problem(record.line(), where + ": Thumbprint \"" + thumbprint + "\" is not"
                    + " 40 hex digits (a SHA-1 thumbprint as Windows shows it) and the row is"
                    + " skipped; correct the value or export the store again");
            return null;
        }
        String sha1 = Thumbprints.normalise(thumbprint);
        sink.certificateRef(sha1);
        return sha1;
    }

    /**
     * The certificate bytes in a RawData value: Base64 text, or a list of numbers 0–255.
     *
     * @return null when there are none: no value, or the type name Export-Csv writes
     *     ({@code System.Byte[]})
     * @throws IllegalArgumentException when the value looks like bytes but is not
     */
    static byte[] rawData(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> numbers) {
            byte[] bytes = new byte[numbers.size()];
            for (int i = 0; i < bytes.length; i++) {
                int b;
                try {
                    b = Integer.parseInt(String.valueOf(numbers.get(i)).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("item " + (i + 1) + " is \""
                            + numbers.get(i) + "\", not a number", e);
                }
                if (b < 0 || b > 255) {
                    throw new IllegalArgumentException("item " + (i + 1) + " is " + b
                            + ", not a byte");
                }
                bytes[i] = (byte) b;
            }
            return bytes.length == 0 ? null : bytes;
        }
        if (value instanceof Map<?, ?>) {
            return null;
        }
        String text = value.toString().strip();
        if (text.isEmpty() || CmdletOutput.isTypeName(text)) {
            return null;
        }
        String compact = text.replaceAll("\\s+", "");
        return Base64.getMimeDecoder().decode(requireBase64(compact));
    }

    private static String requireBase64(String text) {
        if (!text.matches("[A-Za-z0-9+/]+={0,2}")) {
            String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
            throw new IllegalArgumentException("\"" + shown + "\" has characters that Base64"
                    + " does not use");
        }
        return text;
    }

    private static String store(String fileName, List<Record> records)
            throws SourceReadException {
        Set<String> stores = new LinkedHashSet<>();
        for (Record record : records) {
            String path = record.text("PSParentPath");
            String store = WindowsNames.storeFromPath(path);
            if (store != null) {
                stores.add(store);
            }
        }
        if (stores.size() > 1) {
            throw new SourceReadException(fileName + ": PSParentPath names " + stores.size()
                    + " stores (" + String.join(", ", stores) + "); list one store per file,"
                    + " e.g. Get-ChildItem Cert:\\LocalMachine\\Root, and save it as"
                    + " <fqdn>-Root.csv");
        }
        if (!stores.isEmpty()) {
            return stores.iterator().next();
        }
        String fromName = WindowsNames.storeFromFileName(fileName);
        if (fromName != null) {
            return fromName;
        }
        throw new SourceReadException(fileName + ": does not say which store it lists (no"
                + " PSParentPath property and the file name does not end with a store name);"
                + " name the file <fqdn>-<Store>.csv, e.g. fe01.contoso.com-Root.csv, or"
                + " export with the PSParentPath property as in importers/windows-stores.md");
    }
}
