package org.certgraph.sources.phones;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.certgraph.sources.FactSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.SourceReader;
import org.certgraph.sources.TextFiles;

/**
 * Reads a desk phone inventory: a CSV file with one row per phone (SIP address, model, firmware,
 * registrar pool) or per group of identical phones (model, firmware, pool, count). Header names
 * are matched without regard to case, spaces, dashes or underscores, and common synonyms are
 * accepted (see {@code importers/phones.md}). Commas, semicolons and tabs all work as separators;
 * a {@code #TYPE} line from Windows PowerShell's Export-Csv is skipped.
 *
 * <p>Facts: Handset, HandsetModel, Firmware (with what the firmware knowledge says it can
 * validate), Pool and the pool's WebServer and Registrar Service nodes, with IS_MODEL, RUNS,
 * OF_MODEL, HOSTED_BY and CONNECTS_TO. A bad row becomes a problem with its line; the other rows
 * still load. The whole file is read and checked before any fact is handed over.
 */
public final class PhoneInventoryReader implements SourceReader {

    /** Column → the header spellings accepted for it (normalised: lower case, letters/digits). */
    static final Map<String, List<String>> COLUMNS = columns();

    private static final Pattern FQDN =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern SIP = Pattern.compile("[^@\\s:;<>\"]+@[a-z0-9.-]+");

    private final FirmwareKnowledge knowledge;
    private final String knowledgeProblem;

    /**
     * A reader using the shipped knowledge file from the class path; when it is not there,
     * every capability is unknown and each file read says so in a problem.
     */
    public PhoneInventoryReader() {
        FirmwareKnowledge loaded;
        String problem = null;
        try {
            loaded = FirmwareKnowledge.fromClassPath();
        } catch (KnowledgeException e) {
            loaded = FirmwareKnowledge.empty();
            problem = e.getMessage() + "; until then every firmware capability is unknown";
        }
        this.knowledge = loaded;
        this.knowledgeProblem = problem;
    }

    /** A reader using the given knowledge (the shipped file, maybe extended by a site file). */
    public PhoneInventoryReader(FirmwareKnowledge knowledge) {
        this.knowledge = knowledge;
        this.knowledgeProblem = null;
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("sipAddress", List.of("sipaddress", "sipuri", "sip", "uri", "user", "owner",
                "lineuri", "userprincipal"));
        columns.put("model", List.of("model", "devicemodel", "phonemodel", "handsetmodel",
                "device", "devicetype", "hardware", "hardwaremodel"));
        columns.put("vendor", List.of("vendor", "manufacturer", "make", "brand"));
        columns.put("firmware", List.of("firmware", "firmwareversion", "version",
                "softwareversion", "deviceversion", "build", "firmwarebuild"));
        columns.put("pool", List.of("pool", "registrarpool", "registrar", "poolfqdn",
                "frontendpool", "homepool"));
        columns.put("count", List.of("count", "phones", "quantity", "qty", "number", "devices",
                "handsets", "numberofphones"));
        return columns;
    }

    @Override
    public String name() {
        return "phones";
    }

    @Override
    public String description() {
        return "desk phone inventory (CSV: SIP address or count, model, firmware, pool)";
    }

    @Override
    public boolean recognises(String head) {
        if (head == null) {
            return false;
        }
        String header = headerLine(head.lines().toList());
        if (header == null) {
            return false;
        }
        Map<String, Integer> found = mapHeader(split(header, separatorOf(header)));
        return found.containsKey("model") && found.containsKey("firmware")
                && found.containsKey("pool")
                && (found.containsKey("sipAddress") || found.containsKey("count"));
    }

    @Override
    public void read(Path file, ReadOptions options, FactSink sink) throws SourceReadException {
        String name = String.valueOf(file.getFileName());
        List<Row> rows = parse(file, name);
        sink.begin("phones:" + name);
        if (knowledgeProblem != null) {
            sink.problem(0, knowledgeProblem);
        }
        new Emitter(name, sink).emit(rows);
    }

    /** One data row: its line and its cells by column name (absent columns are null). */
    record Row(long line, Map<String, String> cells) {
        String get(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }
    }

    private List<Row> parse(Path file, String name) throws SourceReadException {
        String text;
        try (BufferedReader reader = TextFiles.open(file)) {
            StringBuilder all = new StringBuilder();
            char[] buffer = new char[64 * 1024];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                all.append(buffer, 0, n);
            }
            text = all.toString();
        } catch (IOException e) {
            throw new SourceReadException("The phone inventory " + name + " cannot be read ("
                    + e.getMessage() + "); check that the file exists and certgraph may read it");
        }
        List<String> lines = text.lines().toList();
        String header = headerLine(lines);
        if (header == null) {
            throw new SourceReadException("The phone inventory " + name + " has no header line;"
                    + " its first line must name the columns, e.g. SipAddress,Model,Firmware,Pool");
        }
        int headerIndex = lines.indexOf(header);
        char separator = separatorOf(header);
        List<String> headerCells = split(header, separator);
        Map<String, Integer> columns = mapHeader(headerCells);
        checkColumns(name, headerCells, columns);

        int skipped = 0;
        for (int i = 0; i < headerIndex + 1; i++) {
            skipped += lines.get(i).length();
            skipped = skipLineEnd(text, skipped);
        }
        long[] lineStarts = lineStarts(text);
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator)
                .setIgnoreEmptyLines(true).get();
        StringReader body = new StringReader(text.substring(skipped));
        try (CSVParser parser = CSVParser.parse(body, format)) {
            for (CSVRecord record : parser) {
                long line = lineOf(lineStarts, skipped + record.getCharacterPosition());
                Map<String, String> cells = new LinkedHashMap<>();
                columns.forEach((column, index) -> cells.put(column,
                        index < record.size() ? record.get(index) : null));
                if (cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                rows.add(new Row(line, cells));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SourceReadException("The phone inventory " + name + " is not valid CSV ("
                    + e.getMessage() + "); check for a quote that is opened but never closed");
        }
        return rows;
    }

    private static int skipLineEnd(String text, int at) {
        if (at < text.length() && text.charAt(at) == '\r') {
            at++;
        }
        if (at < text.length() && text.charAt(at) == '\n') {
            at++;
        }
        return at;
    }

    private static long[] lineStarts(String text) {
        List<Long> starts = new ArrayList<>();
        starts.add(0L);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lonelyReturn = c == '\r'
                    && (i + 1 >= text.length() || text.charAt(i + 1) != '\n');
            if (c == '\n' || lonelyReturn) {
                starts.add((long) i + 1);
            }
        }
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    private static long lineOf(long[] lineStarts, long position) {
        int index = Arrays.binarySearch(lineStarts, position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    /** The first line that is neither blank, a #TYPE line nor a comment. */
    private static String headerLine(List<String> lines) {
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            return line;
        }
        return null;
    }

    private static char separatorOf(String header) {
        char best = ',';
        long bestCount = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static List<String> split(String header, char separator) {
        try (CSVParser parser = CSVParser.parse(header,
                CSVFormat.DEFAULT.builder().setDelimiter(separator).get())) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(header.split(Pattern.quote(String.valueOf(separator)), -1));
        }
    }

    private static Map<String, Integer> mapHeader(List<String> cells) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String normalised = FirmwareKnowledge.normaliseName(cells.get(i));
            for (Map.Entry<String, List<String>> column : COLUMNS.entrySet()) {
                if (column.getValue().contains(normalised)) {
                    found.putIfAbsent(column.getKey(), i);
                }
            }
        }
        return found;
    }

    private static void checkColumns(String name, List<String> header,
                                     Map<String, Integer> columns) throws SourceReadException {
        List<String> missing = new ArrayList<>();
        for (String column : List.of("model", "firmware", "pool")) {
            if (!columns.containsKey(column)) {
                missing.add(column + " (e.g. " + String.join(", ",
                        COLUMNS.get(column).subList(0, 3)) + ")");
            }
        }
        if (!columns.containsKey("sipAddress") && !columns.containsKey("count")) {
            missing.add("either sipAddress (one row per phone) or count (one row per group)");
        }
        if (!missing.isEmpty()) {
            throw new SourceReadException("The phone inventory " + name + " lacks the column(s) "
                    + String.join("; ", missing) + ". Its header has: " + String.join(", ", header)
                    + ". Rename the columns or add them; see importers/phones.md");
        }
    }

    /** Turns checked rows into facts, once per node. */
    private final class Emitter {
        private final String file;
        private final FactSink sink;
        private final Set<String> pools = new HashSet<>();
        private final Set<String> models = new HashSet<>();
        private final Set<String> firmware = new HashSet<>();
        private final Set<String> unknownModels = new HashSet<>();
        private final Map<String, Long> phoneLines = new LinkedHashMap<>();

        Emitter(String file, FactSink sink) {
            this.file = file;
            this.sink = sink;
        }

        void emit(List<Row> rows) {
            Map<String, Handset> handsets = new LinkedHashMap<>();
            for (Row row : rows) {
                Handset handset = check(row);
                if (handset == null) {
                    continue;
                }
                Handset earlier = handsets.get(handset.id());
                if (earlier == null) {
                    handsets.put(handset.id(), handset);
                } else if (handset.sipAddress() == null) {
                    handsets.put(handset.id(), earlier.plus(handset.count()));
                }
            }
            handsets.values().forEach(this::handset);
        }

        private void problem(Row row, String message) {
            sink.problem(row.line(), file + ", line " + row.line() + ": " + message);
        }

        private Handset check(Row row) {
            String modelText = row.get("model").replaceAll("\\s+", " ");
            String vendor = row.get("vendor");
            if (modelText.isEmpty()) {
                problem(row, "the model is empty; write the phone model, e.g. HP 4120");
                return null;
            }
            if (!vendor.isEmpty() && !modelText.toLowerCase(Locale.ROOT)
                    .startsWith(vendor.toLowerCase(Locale.ROOT))) {
                modelText = vendor + " " + modelText;
            }
            FirmwareVersion version;
            try {
                version = FirmwareVersion.parse(row.get("firmware"));
            } catch (IllegalArgumentException e) {
                problem(row, e.getMessage() + "; this row was skipped");
                return null;
            }
            String pool = pool(row);
            if (pool == null) {
                return null;
            }
            Optional<HandsetModelInfo> known = knowledge.findModel(modelText);
            String modelId = known.map(HandsetModelInfo::id).orElse(modelText);
            if (known.isEmpty() && unknownModels.add(modelId)) {
                problem(row, "the model \"" + modelText + "\" is not in the firmware knowledge"
                        + " files; its phones load with unknown capabilities. Check the spelling"
                        + " or add the model to a site knowledge file");
            }
            return sipOrCount(row, known.orElse(null), modelId, version, pool);
        }

        private String pool(Row row) {
            String pool = row.get("pool").toLowerCase(Locale.ROOT);
            if (pool.endsWith(".")) {
                pool = pool.substring(0, pool.length() - 1);
            }
            if (!FQDN.matcher(pool).matches()) {
                problem(row, "the pool \"" + row.get("pool") + "\" is not a fully qualified name;"
                        + " write the registrar pool's FQDN, e.g. pool01.contoso.com");
                return null;
            }
            return pool;
        }

        private Handset sipOrCount(Row row, HandsetModelInfo info, String modelId,
                                   FirmwareVersion version, String pool) {
            String sip = row.get("sipAddress");
            String countText = row.get("count");
            if (!sip.isEmpty()) {
                String address = sip.toLowerCase(Locale.ROOT).replaceFirst("^sip:", "");
                if (!SIP.matcher(address).matches()) {
                    problem(row, "the SIP address \"" + sip + "\" is not a SIP address; write it"
                            + " as sip:user@contoso.com or user@contoso.com");
                    return null;
                }
                if (!countText.isEmpty() && !countText.equals("1")) {
                    problem(row, "a row with a SIP address is one phone, but its count is \""
                            + countText + "\"; leave the count empty or write 1");
                    return null;
                }
                String id = "sip:" + address;
                Long first = phoneLines.putIfAbsent(id, row.line());
                if (first != null) {
                    problem(row, "the phone " + id + " was already listed at line " + first
                            + "; this row was skipped. Keep one row per phone");
                    return null;
                }
                return new Handset(id, id, 1, info, modelId, version, pool);
            }
            if (countText.isEmpty()) {
                problem(row, "the row has neither a SIP address nor a count; write the phone's"
                        + " SIP address, or the number of identical phones in the count column");
                return null;
            }
            long count;
            try {
                count = Long.parseLong(countText.replace("_", "").replace(" ", ""));
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count <= 0) {
                problem(row, "the count \"" + countText + "\" is not a positive whole number;"
                        + " write how many phones of this model, firmware and pool there are");
                return null;
            }
            String id = "group:" + modelId + "|" + version + "|" + pool;
            return new Handset(id, null, count, info, modelId, version, pool);
        }

        private void handset(Handset handset) {
            pool(handset.pool());
            model(handset);
            String firmwareId = firmware(handset);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("count", handset.count());
            if (handset.sipAddress() != null) {
                properties.put("sipAddress", handset.sipAddress());
            }
            properties.put("pool", handset.pool());
            properties.put("model", handset.modelId());
            properties.put("firmware", handset.version().toString());
            sink.node(Model.HANDSET, handset.id(), properties);
            sink.relationship(Model.IS_MODEL, Model.HANDSET, handset.id(), Model.HANDSET_MODEL,
                    handset.modelId(), Map.of());
            sink.relationship(Model.RUNS, Model.HANDSET, handset.id(), Model.FIRMWARE,
                    firmwareId, Map.of());
            for (String service : services(handset.pool())) {
                sink.relationship(Model.CONNECTS_TO, Model.HANDSET, handset.id(), Model.SERVICE,
                        service, Map.of());
            }
        }

        private void pool(String pool) {
            if (!pools.add(pool)) {
                return;
            }
            sink.node(Model.POOL, pool, Map.of());
            service("WebServer", "WebServicesInternal", pool);
            service("Registrar", "Default", pool);
        }

        private void service(String role, String use, String pool) {
            String id = role + ":" + pool;
            sink.node(Model.SERVICE, id, Map.of("role", role, "pool", pool, "use", use));
            sink.relationship(Model.HOSTED_BY, Model.SERVICE, id, Model.POOL, pool, Map.of());
        }

        private List<String> services(String pool) {
            return List.of("WebServer:" + pool, "Registrar:" + pool);
        }

        private void model(Handset handset) {
            if (!models.add(handset.modelId())) {
                return;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            HandsetModelInfo info = handset.info();
            if (info != null) {
                properties.put("vendor", info.vendor());
                properties.put("model", info.model());
                properties.put("platform", info.platform());
                properties.put("source", info.source());
            } else {
                properties.put("model", handset.modelId());
            }
            sink.node(Model.HANDSET_MODEL, handset.modelId(), properties);
        }

        private String firmware(Handset handset) {
            String id = handset.modelId() + "|" + handset.version();
            if (!firmware.add(id)) {
                return id;
            }
            Map<String, Object> properties = FirmwareFacts.properties(knowledge,
                    handset.modelId(), handset.version());
            sink.node(Model.FIRMWARE, id, properties);
            sink.relationship(Model.OF_MODEL, Model.FIRMWARE, id, Model.HANDSET_MODEL,
                    handset.modelId(), Map.of());
            return id;
        }
    }

    /** A phone or a group of phones after checking. */
    private record Handset(String id, String sipAddress, long count, HandsetModelInfo info,
                           String modelId, FirmwareVersion version, String pool) {
        Handset plus(long more) {
            return new Handset(id, sipAddress, count + more, info, modelId, version, pool);
        }
    }
}
