package org.certgraph.samples;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.certgraph.cert.CertificateFacts;
import org.certgraph.cert.CertificateParser;

/**
 * Writes rows of an AD CS database the way {@code certutil -view -out "RequestID,RequesterName,
 * CommonName,CertificateTemplate,CertificateHash,SerialNumber,NotBefore,NotAfter,RawCertificate,
 * Disposition,RevokedWhen" csv} prints them: display names as headers, every value in double
 * quotes, EMPTY (unquoted) for a cell without a value, the certificate as a PEM block inside its
 * cell, CRLF line ends, dates in the server's short format (written here in UTC). Rows are
 * written as they come, so a generator can stream a million of them.
 */
public final class AdcsDumpWriter implements Closeable {

    /** Disposition codes of the AD CS database. */
    public static final int PENDING = 9;
    public static final int ISSUED = 20;
    public static final int REVOKED = 21;
    public static final int FAILED = 30;
    public static final int DENIED = 31;

    /** The language of the CA server: headers, disposition words and date format. */
    public enum Language {
        ENGLISH(List.of("Issued Request ID", "Requester Name", "Issued Common Name",
                "Certificate Template", "Certificate Hash", "Serial Number",
                "Certificate Effective Date", "Certificate Expiration Date", "Binary Certificate",
                "Request Disposition", "Revocation Date"),
                DateTimeFormatter.ofPattern("M/d/yyyy h:mm a", Locale.US),
                "Issued", "Revoked", "Pending", "Failed", "Denied"),
        GERMAN(List.of("Ausgestellte Anforderungs-ID", "Name des Anforderers",
                "Ausgestellter allgemeiner Name", "Zertifikatvorlage", "Zertifikathash",
                "Seriennummer", "Zertifikatgültigkeitsbeginn", "Zertifikatablaufdatum",
                "Binärzertifikat", "Anforderungsdisposition", "Sperrdatum"),
                DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.GERMANY),
                "Ausgestellt", "Gesperrt", "Ausstehend", "Fehlgeschlagen", "Verweigert");

        private final List<String> headers;
        private final DateTimeFormatter dates;
        private final String issued;
        private final String revoked;
        private final String pending;
        private final String failed;
        private final String denied;

        Language(List<String> headers, DateTimeFormatter dates, String issued, String revoked,
                 String pending, String failed, String denied) {
            this.headers = headers;
            this.dates = dates.withZone(ZoneOffset.UTC);
            this.issued = issued;
            this.revoked = revoked;
            this.pending = pending;
            this.failed = failed;
            this.denied = denied;
        }

        String disposition(int code) {
            String word = switch (code) {
                case ISSUED -> issued;
                case REVOKED -> revoked;
                case PENDING -> pending;
                case FAILED -> failed;
                case DENIED -> denied;
                default -> "";
            };
            return word.isEmpty() ? Integer.toString(code) : code + " -- " + word;
        }
    }

    /**
     * One request.
     *
     * @param requestId the request id, 1 and up
     * @param requester the account that asked, e.g. CONTOSO\fe01$
     * @param commonName the issued common name; written only when there is a certificate
     * @param template the template cell as certutil shows it (a name, an OID, or "OID Name"),
     *     null for none
     * @param certificate the certificate's DER bytes; null for pending, failed and denied rows
     * @param disposition one of the disposition codes above
     * @param revokedAt when a revoked certificate was revoked (written to the minute), else null
     */
    public record Row(long requestId, String requester, String commonName, String template,
                      byte[] certificate, int disposition, Instant revokedAt) {
    }

    private final Writer out;
    private final Language language;

    /** Starts a dump on {@code out} and writes its header line. */
    public AdcsDumpWriter(Writer out, Language language) throws IOException {
        this.out = out;
        this.language = language;
        StringBuilder line = new StringBuilder();
        for (String header : language.headers) {
            cell(line, header);
        }
        end(line);
    }

    /**
     * Creates {@code file} and starts a dump in it. UTF-16LE gets a byte order mark, as
     * Windows PowerShell 5.1 writes redirected output.
     */
    public static AdcsDumpWriter create(Path file, Language language, Charset charset)
            throws IOException {
        OutputStream stream = Files.newOutputStream(file);
        if (StandardCharsets.UTF_16LE.equals(charset)) {
            stream.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        }
        return new AdcsDumpWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)),
                language);
    }

    /** Writes one row. */
    public void write(Row row) throws IOException {
        StringBuilder line = new StringBuilder();
        cell(line, Long.toString(row.requestId()));
        cell(line, row.requester());
        CertificateFacts facts = row.certificate() == null ? null
                : CertificateParser.parse(row.certificate());
        cell(line, facts == null ? null : row.commonName());
        cell(line, row.template());
        cell(line, facts == null ? null : spacedHex(facts.sha1()));
        cell(line, facts == null ? null : serial(facts.serialNumber()));
        cell(line, facts == null ? null : date(facts.notBefore()));
        cell(line, facts == null ? null : date(facts.notAfter()));
        cell(line, facts == null ? null : pem(facts.der()));
        cell(line, language.disposition(row.disposition()));
        cell(line, row.revokedAt() == null ? null : date(row.revokedAt()));
        end(line);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private String date(Instant instant) {
        return instant == null ? null
                : language.dates.format(instant.truncatedTo(ChronoUnit.MINUTES));
    }

    private static void cell(StringBuilder line, String value) {
        if (line.length() > 0) {
            line.append(',');
        }
        if (value == null) {
            line.append("EMPTY");
        } else {
            line.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
    }

    private void end(StringBuilder line) throws IOException {
        out.write(line.append("\r\n").toString());
    }

    /** certutil shows the hash as lower-case byte pairs split by spaces. */
    private static String spacedHex(String hex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The serial number's DER content bytes in lower-case hex, as certutil shows it. */
    private static String serial(String hex) {
        byte[] bytes = new BigInteger(hex, 16).toByteArray();
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format(Locale.ROOT, "%02x", b & 0xFF));
        }
        return out.toString();
    }

    private static String pem(byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN CERTIFICATE-----\r\n" + base64 + "\r\n-----END CERTIFICATE-----\r\n";
    }
}
