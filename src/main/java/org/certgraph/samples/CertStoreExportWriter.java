package org.certgraph.samples;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.certgraph.cert.CertificateFacts;

/**
 * Writes certificate store listings the way PowerShell saves them, for the sample estate and the
 * benchmark generator: Export-Csv as Windows PowerShell 5.1 writes it (every value quoted, CRLF,
 * en-US dates, optionally the {@code #TYPE} line and UTF-16LE with a byte order mark), and
 * ConvertTo-Json as PowerShell 7 writes it (two-space indent, ISO 8601 dates; one object alone,
 * several as an array). The columns are those of the command in importers/windows-stores.md.
 */
public final class CertStoreExportWriter {

    /** The {@code #TYPE} line Windows PowerShell writes for Select-Object output. */
    public static final String TYPE_LINE =
            "#TYPE Selected.System.Security.Cryptography.X509Certificates.X509Certificate2";

    private static final DateTimeFormatter US_DATE = DateTimeFormatter
            .ofPattern("M/d/yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * One row of a store listing.
     *
     * @param rawData the certificate's bytes, or null for a listing without them (then CSV
     *     shows {@code System.Byte[]} and JSON leaves RawData out)
     */
    public record Entry(String thumbprint, String subject, String issuer, Instant notBefore,
                        Instant notAfter, byte[] rawData) {

        /** The row for a certificate, with or without its bytes. */
        public static Entry of(CertificateFacts facts, boolean withRawData) {
            return new Entry(facts.sha1(), facts.subject(), facts.issuer(), facts.notBefore(),
                    facts.notAfter(), withRawData ? facts.der() : null);
        }
    }

    private CertStoreExportWriter() {
    }

    /** The provider path PowerShell gives the store, e.g.
     *  {@code Microsoft.PowerShell.Security\Certificate::LocalMachine\Root}. */
    public static String parentPath(String store) {
        return "Microsoft.PowerShell.Security\\Certificate::LocalMachine\\" + store;
    }

    /** Export-Csv output of Windows PowerShell 5.1, with or without the {@code #TYPE} line. */
    public static String csv(String store, List<Entry> entries, boolean typeLine) {
        StringBuilder out = new StringBuilder();
        if (typeLine) {
            out.append(TYPE_LINE).append("\r\n");
        }
        out.append(row(List.of("PSParentPath", "Thumbprint", "Subject", "Issuer", "NotBefore",
                "NotAfter", "RawData")));
        for (Entry entry : entries) {
            out.append(row(List.of(parentPath(store), entry.thumbprint(), entry.subject(),
                    entry.issuer(), US_DATE.format(entry.notBefore()),
                    US_DATE.format(entry.notAfter()), entry.rawData() == null ? "System.Byte[]"
                            : Base64.getEncoder().encodeToString(entry.rawData()))));
        }
        return out.toString();
    }

    /** ConvertTo-Json output of PowerShell 7: an object for one entry, else an array. */
    public static String json(String store, List<Entry> entries) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("PSParentPath", parentPath(store));
            record.put("Thumbprint", entry.thumbprint());
            record.put("Subject", entry.subject());
            record.put("Issuer", entry.issuer());
            record.put("NotBefore", ISO_DATE.format(entry.notBefore()));
            record.put("NotAfter", ISO_DATE.format(entry.notAfter()));
            if (entry.rawData() != null) {
                record.put("RawData", Base64.getEncoder().encodeToString(entry.rawData()));
            }
            records.add(record);
        }
        return CmdletOutputWriter.json(records);
    }

    /**
     * The text as file bytes: UTF-16LE with a byte order mark (Windows PowerShell 5.1's
     * default for Export-Csv -Encoding Unicode) or UTF-8 without one (PowerShell 7).
     */
    public static byte[] bytes(String text, boolean utf16Bom) {
        if (!utf16Bom) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteBuffer body = StandardCharsets.UTF_16LE.encode(text);
        byte[] out = new byte[2 + body.remaining()];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        body.get(out, 2, body.remaining());
        return out;
    }

    private static String row(List<String> values) {
        List<String> cells = new ArrayList<>();
        for (String value : values) {
            cells.add(CmdletOutputWriter.quote(value == null ? "" : value));
        }
        return String.join(",", cells) + "\r\n";
    }
}
