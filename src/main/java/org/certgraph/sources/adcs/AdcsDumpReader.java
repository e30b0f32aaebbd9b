package org.certgraph.sources.adcs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Certificate;
import org.certgraph.cert.CertificateFacts;
import org.certgraph.cert.CertificateFormatException;
import org.certgraph.cert.CertificateParser;
import org.certgraph.cert.Thumbprints;
import org.certgraph.sources.FactSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.SourceReader;
import org.certgraph.sources.TextFiles;

/**
 * Reads the CSV that {@code certutil -view … csv} writes from an AD CS database: one row per
 * request, headed by the column display names in the CA server's language.
 *
 * <p>The file is read twice and never held in memory: a first pass decides the date format,
 * the CA's name and the template names, and checks that the file is CSV at all; the second
 * hands over the facts row by row. Issued and revoked rows become certificates (from the
 * "Binary Certificate" column, or by "Certificate Hash" alone) with an ISSUED edge from the
 * Authority and a FROM_TEMPLATE edge; pending, failed and denied requests are counted on the
 * Authority. A row that cannot be read is reported as a problem and the rest still loads.
 */
public final class AdcsDumpReader implements SourceReader {

    /** What certutil writes into a cell without a value. */
    static final String EMPTY = "EMPTY";

    /** Disposition codes of the AD CS database. */
    static final int ISSUED = 20;
    static final int REVOKED = 21;
    static final int PENDING = 9;
    static final int FAILED = 30;
    static final int DENIED = 31;
    static final int CA_CERT = 15;
    static final int CA_CERT_CHAIN = 16;

    private static final String EXPORT_COMMAND = "certutil -view -out \"RequestID,RequesterName,"
            + "CommonName,CertificateTemplate,CertificateHash,SerialNumber,NotBefore,NotAfter,"
            + "RawCertificate,Disposition,RevokedWhen\" csv";
    private static final Pattern NUMBER = Pattern.compile(
            "\\s*(?:0x[0-9a-fA-F]+\\s*\\((\\d+)\\)|(\\d+))(?:\\s.*)?", Pattern.DOTALL);
    /** A binary cell that shows only its size ("1657 Bytes") instead of the PEM block. */
    private static final Pattern SIZE_ONLY = Pattern.compile("\\d+\\s+\\p{L}+");
    private static final Pattern ROW_COUNT = Pattern.compile("\\d+\\s+\\S+");
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true).get();

    @Override
    public String name() {
        return "adcs";
    }

    @Override
    public String description() {
        return "AD CS database dump (certutil -view csv)";
    }

    @Override
    public boolean recognises(String head) {
        if (head == null || head.isEmpty()) {
            return false;
        }
        String text = head.charAt(0) == '\uFEFF' ? head.substring(1) : head;
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        try (CSVParser parser = CSVParser.parse(new StringReader(first), CSV)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return false;
            }
            Map<AdcsColumn, Integer> columns = AdcsColumn.resolve(records.next().toList());
            return columns.containsKey(AdcsColumn.REQUEST_ID)
                    && columns.containsKey(AdcsColumn.DISPOSITION)
                    || columns.containsKey(AdcsColumn.HASH)
                    || columns.containsKey(AdcsColumn.BINARY);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void read(Path file, ReadOptions options, FactSink sink) throws SourceReadException {
        ReadOptions given = options == null ? ReadOptions.NONE : options;
        String fileName = String.valueOf(file.getFileName());
        Survey survey = survey(file, fileName, given);
        String authority = authority(fileName, given, survey);
        AdcsDates dates = dates(fileName, given, survey);
        sink.begin("adcs:" + authority);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("pendingRequests", survey.pending);
        counts.put("failedRequests", survey.failed);
        counts.put("deniedRequests", survey.denied);
        sink.node(Model.AUTHORITY, authority, counts);
        new Pass(fileName, authority, dates, survey, sink).run(file);
    }

    // ------------------------------------------------------------------- first pass

    /** What the first pass found out about the whole file. */
    private static final class Survey {
        Map<AdcsColumn, Integer> columns;
        int width;
        long pending;
        long failed;
        long denied;
        final AdcsDates.Evidence dates = new AdcsDates.Evidence();
        final Set<String> issuers = new LinkedHashSet<>();
        final Map<String, String> templateNames = new HashMap<>();
    }

    private static Survey survey(Path file, String fileName, ReadOptions options)
            throws SourceReadException {
        Survey survey = new Survey();
        boolean needIssuer = blank(options.authority());
        try (BufferedReader in = TextFiles.open(file);
             CSVParser parser = CSVParser.parse(in, CSV)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new SourceReadException(fileName + " is empty; export the CA database"
                        + " again with " + EXPORT_COMMAND + " > " + fileName);
            }
            List<String> headers = records.next().toList();
            survey.columns = AdcsColumn.resolve(headers);
            survey.width = headers.size();
            checkColumns(fileName, headers, survey.columns);
            long row = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (trailer(record, survey.width)) {
                    continue;
                }
                row++;
                surveyRow(survey, record, row, needIssuer);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new SourceReadException(fileName + " cannot be read as CSV ("
                    + cause(e) + "); export it again with " + EXPORT_COMMAND
                    + " and do not edit it in a spreadsheet");
        }
        return survey;
    }

    private static void checkColumns(String fileName, List<String> headers,
                                     Map<AdcsColumn, Integer> columns)
            throws SourceReadException {
        if (!columns.containsKey(AdcsColumn.HASH) && !columns.containsKey(AdcsColumn.BINARY)) {
            String shown = headers.size() > 8
                    ? String.join(", ", headers.subList(0, 8)) + ", …"
                    : String.join(", ", headers);
            throw new SourceReadException(fileName + " has neither a \"Certificate Hash\" nor a"
                    + " \"Binary Certificate\" column (its columns are: " + shown + "); export"
                    + " it again with " + EXPORT_COMMAND);
        }
    }

    private static void surveyRow(Survey survey, CSVRecord record, long row,
                                  boolean needIssuer) {
        int code = dispositionCode(cell(record, survey.columns, AdcsColumn.DISPOSITION));
        if (code == PENDING) {
            survey.pending++;
        } else if (code == FAILED) {
            survey.failed++;
        } else if (code == DENIED) {
            survey.denied++;
        }
        for (AdcsColumn column : List.of(AdcsColumn.NOT_BEFORE, AdcsColumn.NOT_AFTER,
                AdcsColumn.REVOKED)) {
            String value = cell(record, survey.columns, column);
            if (value != null) {
                survey.dates.see(value, row);
            }
        }
        TemplateRef template = TemplateRef.parse(cell(record, survey.columns,
                AdcsColumn.TEMPLATE));
        if (template != null && template.name() != null && template.oid() != null) {
            survey.templateNames.putIfAbsent(template.oid(), template.name());
        }
        String binary = cell(record, survey.columns, AdcsColumn.BINARY);
        if (needIssuer && binary != null && (code == ISSUED || code == REVOKED)
                && survey.issuers.size() < 5) {
            String issuer = issuerName(binary);
            if (issuer != null) {
                survey.issuers.add(issuer);
            }
        }
    }

    private static String issuerName(String binary) {
        try {
            X500Name issuer = Certificate.getInstance(ASN1Primitive.fromByteArray(
                    pemBody(binary))).getIssuer();
            RDN[] cn = issuer.getRDNs(BCStyle.CN);
            return cn.length == 0 ? issuer.toString()
                    : IETFUtils.valueToString(cn[0].getFirst().getValue());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String authority(String fileName, ReadOptions options, Survey survey)
            throws SourceReadException {
        if (!blank(options.authority())) {
            return options.authority().trim();
        }
        if (survey.issuers.size() == 1) {
            return survey.issuers.iterator().next();
        }
        if (survey.issuers.isEmpty()) {
            throw new SourceReadException("The CA that " + fileName + " comes from cannot be"
                    + " told: the file holds no issued certificate in a \"Binary Certificate\""
                    + " column; name the CA with --authority, e.g. --authority"
                    + " \"Contoso Issuing CA 1\"");
        }
        throw new SourceReadException("The certificates in " + fileName + " name different"
                + " issuers (" + String.join(", ", survey.issuers) + "), so the CA it comes"
                + " from cannot be told; name the CA with --authority, e.g. --authority \""
                + survey.issuers.iterator().next() + "\"");
    }

    private static AdcsDates dates(String fileName, ReadOptions options, Survey survey)
            throws SourceReadException {
        if (!blank(options.dateFormat())) {
            try {
                return AdcsDates.ofPattern(options.dateFormat().trim());
            } catch (IllegalArgumentException e) {
                throw new SourceReadException("--date-format \"" + options.dateFormat()
                        + "\" is not a date pattern (" + e.getMessage() + "); write it with"
                        + " java.time letters, e.g. --date-format \"dd/MM/yyyy HH:mm\"");
            }
        }
        try {
            return AdcsDates.ofOrder(survey.dates.decide());
        } catch (IllegalStateException e) {
            throw new SourceReadException("The dates of " + fileName + " cannot be read: "
                    + e.getMessage() + "; pass the format the CA server uses, e.g."
                    + " --date-format \"dd/MM/yyyy HH:mm\" (day first) or --date-format"
                    + " \"M/d/yyyy h:mm a\" (month first)");
        }
    }

    // ------------------------------------------------------------------ second pass

    /** Hands over the facts of every row. */
    private static final class Pass {
        private final String fileName;
        private final String authority;
        private final AdcsDates dates;
        private final Survey survey;
        private final FactSink sink;
        private final Set<String> templatesSent = new HashSet<>();

        Pass(String fileName, String authority, AdcsDates dates, Survey survey,
             FactSink sink) {
            this.fileName = fileName;
            this.authority = authority;
            this.dates = dates;
            this.survey = survey;
            this.sink = sink;
        }

        void run(Path file) {
            long lastLine = 1;
            long row = 0;
            try (BufferedReader in = TextFiles.open(file);
                 CSVParser parser = CSVParser.parse(in, CSV)) {
                Iterator<CSVRecord> records = parser.iterator();
                records.next();
                lastLine = parser.getCurrentLineNumber();
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    long line = lastLine + 1;
                    lastLine = parser.getCurrentLineNumber();
                    if (trailer(record, survey.width)) {
                        continue;
                    }
                    row++;
                    readRow(record, row, line);
                }
            } catch (IOException | UncheckedIOException | IllegalStateException
                     | NoSuchElementException e) {
                sink.problem(lastLine + 1, fileName + ": the file could not be read to the end"
                        + " after row " + row + " (" + cause(e) + "); the rows before were"
                        + " loaded; copy the file again and import it once more");
            }
        }

        private void readRow(CSVRecord record, long row, long line) {
            List<String> issues = new ArrayList<>();
            if (record.size() < survey.width) {
                problem(line, row, List.of("it has " + record.size() + " cells where the header"
                        + " has " + survey.width + "; export the file again without editing it"));
                return;
            }
            String dispositionCell = cell(record, survey.columns, AdcsColumn.DISPOSITION);
            int code = dispositionCode(dispositionCell);
            if (code < 0) {
                problem(line, row, List.of("the Request Disposition \"" + dispositionCell
                        + "\" does not start with a number such as 20 (Issued); export the"
                        + " row again"));
                return;
            }
            if (code != ISSUED && code != REVOKED && code != CA_CERT && code != CA_CERT_CHAIN) {
                return;
            }
            Long requestId = requestId(record, issues);
            Instant notBefore = date(record, AdcsColumn.NOT_BEFORE, issues);
            Instant notAfter = date(record, AdcsColumn.NOT_AFTER, issues);
            Instant revokedAt = code == REVOKED ? date(record, AdcsColumn.REVOKED, issues) : null;
            String hash = hash(record, issues);
            CertificateFacts facts = certificate(record, hash, issues);
            if (issues.isEmpty() && hash == null && facts == null) {
                issues.add("it has neither a Certificate Hash nor a Binary Certificate; export"
                        + " the row again with the CertificateHash and RawCertificate columns");
            }
            if (!issues.isEmpty()) {
                problem(line, row, issues);
                return;
            }
            String sha1 = facts != null ? facts.sha1() : hash;
            if (facts != null) {
                sink.certificate(facts);
            } else {
                sink.certificateRef(sha1);
            }
            if (code == CA_CERT) {
                sink.relationship(Model.HAS_CERTIFICATE, Model.AUTHORITY, authority,
                        Model.CERTIFICATE, sha1, Map.of());
                return;
            }
            if (code == CA_CERT_CHAIN) {
                return;
            }
            Map<String, Object> issued = new LinkedHashMap<>();
            put(issued, "requestId", requestId);
            issued.put("disposition", code == REVOKED ? "Revoked" : "Issued");
            put(issued, "revokedAt", revokedAt);
            put(issued, "requester", cell(record, survey.columns, AdcsColumn.REQUESTER));
            put(issued, "dispositionMessage",
                    cell(record, survey.columns, AdcsColumn.DISPOSITION_MESSAGE));
            if (facts == null) {
                put(issued, "serialNumber", serial(cell(record, survey.columns,
                        AdcsColumn.SERIAL)));
                put(issued, "commonName", cell(record, survey.columns, AdcsColumn.COMMON_NAME));
                put(issued, "notBefore", notBefore);
                put(issued, "notAfter", notAfter);
            }
            sink.relationship(Model.ISSUED, Model.AUTHORITY, authority, Model.CERTIFICATE, sha1,
                    issued);
            template(record, sha1);
        }

        private void template(CSVRecord record, String sha1) {
            TemplateRef template = TemplateRef.parse(cell(record, survey.columns,
                    AdcsColumn.TEMPLATE));
            if (template == null) {
                return;
            }
            String name = template.name() != null ? template.name()
                    : survey.templateNames.get(template.oid());
            String key = name != null ? name : template.oid();
            if (templatesSent.add(key)) {
                Map<String, Object> properties = new LinkedHashMap<>();
                put(properties, "oid", template.oid());
                if (name == null) {
                    properties.put("nameUnknown", true);
                }
                sink.node(Model.TEMPLATE, key, properties);
            }
            sink.relationship(Model.FROM_TEMPLATE, Model.CERTIFICATE, sha1, Model.TEMPLATE, key,
                    Map.of());
        }

        private Long requestId(CSVRecord record, List<String> issues) {
            String value = cell(record, survey.columns, AdcsColumn.REQUEST_ID);
            if (value == null) {
                return null;
            }
            long id = number(value);
            if (id < 0) {
                issues.add("the Issued Request ID \"" + value + "\" is not a number; export the"
                        + " row again");
                return null;
            }
            return id;
        }

        private Instant date(CSVRecord record, AdcsColumn column, List<String> issues) {
            String value = cell(record, survey.columns, column);
            if (value == null) {
                return null;
            }
            try {
                return dates.parse(value);
            } catch (DateTimeException e) {
                issues.add("the " + column.english() + " \"" + value + "\" is not a date in the"
                        + " format the file's dates are read with (" + dates.describe()
                        + "); correct the cell, or give the server's format with --date-format,"
                        + " a java.time pattern such as \"M/d/yyyy h:mm a\"");
                return null;
            }
        }

        private String hash(CSVRecord record, List<String> issues) {
            String value = cell(record, survey.columns, AdcsColumn.HASH);
            if (value == null) {
                return null;
            }
            if (!Thumbprints.isSha1(value)) {
                issues.add("the Certificate Hash \"" + value + "\" is not a SHA-1 thumbprint"
                        + " (40 hex digits, spaces allowed); export the row again");
                return null;
            }
            return Thumbprints.normalise(value);
        }

        private CertificateFacts certificate(CSVRecord record, String hash,
                                             List<String> issues) {
            String value = cell(record, survey.columns, AdcsColumn.BINARY);
            if (value == null || SIZE_ONLY.matcher(value).matches()) {
                return null;
            }
            CertificateFacts facts;
            try {
                facts = CertificateParser.parse(pemBody(value));
            } catch (IllegalArgumentException | CertificateFormatException e) {
                issues.add("the Binary Certificate cannot be read (" + e.getMessage() + ");"
                        + " export the row again with certutil -view -restrict"
                        + " \"RequestID=…\" -out RawCertificate csv");
                return null;
            }
            if (hash != null && !hash.equals(facts.sha1())) {
                issues.add("the Certificate Hash " + hash + " is not the SHA-1 of the Binary"
                        + " Certificate (" + facts.sha1() + "); the row is damaged, export it"
                        + " again");
                return null;
            }
            String serial = serial(cell(record, survey.columns, AdcsColumn.SERIAL));
            if (serial != null && !facts.serialNumber().startsWith("-")
                    && !serial.equals(facts.serialNumber())) {
                issues.add("the Serial Number " + serial + " is not the serial number of the"
                        + " Binary Certificate (" + facts.serialNumber() + "); the row is"
                        + " damaged, export it again");
                return null;
            }
            return facts;
        }

        private void problem(long line, long row, List<String> issues) {
            sink.problem(line, fileName + ": row " + row + " (line " + line + "): "
                    + String.join("; ", issues));
        }
    }

    // ---------------------------------------------------------------------- helpers

    /** The trimmed value of a column in a record; null when absent, blank or EMPTY. */
    private static String cell(CSVRecord record, Map<AdcsColumn, Integer> columns,
                               AdcsColumn column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index).trim();
        return value.isEmpty() || EMPTY.equals(value) ? null : value;
    }

    /** Lines certutil may print after the rows ("CertUtil: -view command completed"). */
    private static boolean trailer(CSVRecord record, int width) {
        if (record.size() != 1) {
            return false;
        }
        String only = record.get(0).trim();
        return only.isEmpty() || only.regionMatches(true, 0, "CertUtil:", 0, 9)
                || width > 1 && ROW_COUNT.matcher(only).matches();
    }

    /** The disposition code of a cell such as "20 -- Issued" or "0x14 (20) -- Issued"; a
     *  missing column means issued (an export restricted to Disposition=20); -1 if bad. */
    static int dispositionCode(String cell) {
        if (cell == null) {
            return ISSUED;
        }
        long code = number(cell);
        return code < 0 || code > 1000 ? -1 : (int) code;
    }

    /** A decimal number, or certutil's "0x14 (20)"; -1 when the text is neither. */
    private static long number(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            return -1;
        }
        String digits = m.group(1) != null ? m.group(1) : m.group(2);
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The certificate bytes of a cell holding a PEM block or bare Base64. */
    static byte[] pemBody(String cell) {
        StringBuilder base64 = new StringBuilder();
        for (String line : cell.split("\\R")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("-----")) {
                base64.append(trimmed);
            }
        }
        if (base64.length() == 0) {
            throw new IllegalArgumentException("the cell holds no Base64 text");
        }
        try {
            return Base64.getDecoder().decode(base64.toString().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its Base64 text is damaged: " + e.getMessage(),
                    e);
        }
    }

    /** A serial number as CertificateFacts spells it: upper-case hex without leading zeros. */
    private static String serial(String cell) {
        if (cell == null) {
            return null;
        }
        String hex = cell.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]+")) {
            return null;
        }
        return hex.replaceFirst("^0+(?=.)", "");
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String cause(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null
                ? e.getCause() : e;
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
