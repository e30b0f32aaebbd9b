package org.certgraph.sources.windows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.TextFiles;

/**
 * Reads what PowerShell writes about objects, in the three shapes people save: Export-Csv (with
 * or without the {@code #TYPE} first line), ConvertTo-Json (one object, an array, or Windows
 * PowerShell's {@code {"value": [...], "Count": n}} wrapper), and the default list view
 * ({@code Name : value} blocks separated by blank lines, long values wrapped onto indented
 * continuation lines, collections shown as {@code {a, b}}).
 *
 * <p>Every record is an ordered map from property name to a value that is a {@code String}, a
 * {@code List} of values, or a {@code Map} (a nested JSON object). Property names are looked up
 * without regard to case, as PowerShell does. Parsing never talks to a sink: readers decide what
 * to hand over once the whole file is known to be readable.
 */
public final class CmdletOutput {

    /** The shape a file was saved in. */
    public enum Format { CSV, JSON, LIST }

    /** A line of the file the parser could not use; the rest of the file is still read. */
    public record Problem(long line, String message) {
    }

    /** Everything read from one file. */
    public record Parsed(Format format, List<Record> records, List<Problem> problems) {
    }

    private static final Pattern LIST_LINE = Pattern.compile("^([A-Za-z_][\\w.-]*)(\\s*): ?(.*)$");
    private static final Pattern CSV_HEADER = Pattern.compile(
            "^\"?[A-Za-z_][\\w.-]*\"?(,\"?[A-Za-z_][\\w.-]*\"?)*$");
    private static final Pattern JSON_NAME = Pattern.compile("\"([A-Za-z_][\\w.-]*)\"\\s*:");
    private static final Pattern MS_DATE = Pattern.compile(
            "^/Date\\((-?\\d+)([+-]\\d{4})?\\)/$");
    private static final Pattern TYPE_NAME = Pattern.compile(
            "^(System|Microsoft)\\.[A-Za-z0-9_.`+]+(\\[.*\\])?$");
    private static final String ELLIPSIS = "...";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CmdletOutput() {
    }

    /**
     * Reads a whole file.
     *
     * @throws SourceReadException when the file is none of the three shapes, or is JSON that does
     *     not parse; the message names the file and says what to do
     */
    public static Parsed parse(Path file) throws SourceReadException {
        String name = String.valueOf(file.getFileName());
        String text;
        try (BufferedReader reader = TextFiles.open(file)) {
            StringBuilder all = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                all.append(buffer, 0, n);
            }
            text = all.toString();
        } catch (IOException e) {
            throw new SourceReadException(name + ": cannot be read (" + e.getMessage()
                    + "); check that the file exists and is readable");
        }
        return parse(name, text);
    }

    /** Reads text that came from the file called {@code name} (used in messages only). */
    public static Parsed parse(String name, String text) throws SourceReadException {
        Format format = formatOf(text);
        if (format == null) {
            throw new SourceReadException(name + ": is not PowerShell output that certgraph reads"
                    + " (Export-Csv, ConvertTo-Json or the list view of a cmdlet); export it"
                    + " again with one of the commands in importers/");
        }
        return switch (format) {
            case CSV -> parseCsv(name, text);
            case JSON -> parseJson(name, text);
            case LIST -> parseList(text);
        };
    }

    /** The shape of text that starts like {@code head}, or null when it is none of them. */
    public static Format formatOf(String head) {
        String first = firstLine(head);
        if (first == null) {
            return null;
        }
        if (first.startsWith("{") || first.startsWith("[")) {
            return Format.JSON;
        }
        if (first.startsWith("#TYPE") || CSV_HEADER.matcher(first).matches()
                && first.contains(",")) {
            return Format.CSV;
        }
        if (LIST_LINE.matcher(first).matches()) {
            return Format.LIST;
        }
        return null;
    }

    /** The property names visible in the first part of a file of any of the three shapes. */
    public static Set<String> propertyNames(String head) {
        Set<String> names = new LinkedHashSet<>();
        Format format = formatOf(head);
        if (format == null) {
            return names;
        }
        switch (format) {
            case JSON -> {
                Matcher m = JSON_NAME.matcher(head);
                while (m.find()) {
                    names.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
            case CSV -> {
                for (String line : head.split("\r?\n")) {
                    String trimmed = stripBom(line).trim();
                    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                        continue;
                    }
                    for (String cell : trimmed.split(",")) {
                        names.add(cell.replace("\"", "").trim().toLowerCase(Locale.ROOT));
                    }
                    break;
                }
            }
            case LIST -> {
                for (String line : head.split("\r?\n")) {
                    Matcher m = LIST_LINE.matcher(line);
                    if (m.matches()) {
                        names.add(m.group(1).toLowerCase(Locale.ROOT));
                    }
                }
            }
            default -> throw new IllegalStateException(format.name());
        }
        return names;
    }

    /** The first line of the head that says something about the shape ({@code #TYPE} counts). */
    private static String firstLine(String head) {
        if (head == null) {
            return null;
        }
        for (String line : head.split("\r?\n", 50)) {
            String trimmed = stripBom(line).trim();
            if (!trimmed.isEmpty()) {
                return trimmed;
            }
        }
        return null;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /**
     * A date as PowerShell writes it: {@code /Date(1700000000000)/} (Windows PowerShell's
     * ConvertTo-Json, optionally with an offset such as {@code +0100}), or ISO 8601 with or
     * without an offset (PowerShell 7; without an offset the time is taken as UTC).
     *
     * @return the instant, or null when the text is none of these (for example a date in a
     *     culture's own format, as Export-Csv writes it)
     */
    public static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        Matcher ms = MS_DATE.matcher(value.replace("\\/", "/"));
        if (ms.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(ms.group(1)));
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    /** True when the value is the name of a .NET type: what Export-Csv writes for a collection
     *  or an object it cannot show as text (e.g. {@code System.Byte[]}). */
    public static boolean isTypeName(String value) {
        return value != null && TYPE_NAME.matcher(value.trim()).matches();
    }

    // ---------------------------------------------------------------- CSV

    private static Parsed parseCsv(String name, String text) throws SourceReadException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int offset = 0;
        // #TYPE (and any other comment line before the header) is not part of the table
        while (body.startsWith("#") || body.startsWith("\r") || body.startsWith("\n")) {
            int end = body.indexOf('\n');
            if (end < 0) {
                body = "";
                break;
            }
            body = body.substring(end + 1);
            offset++;
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setAllowMissingColumnNames(true).get();
        List<Record> records = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            Iterator<CSVRecord> rows = parser.iterator();
            if (!rows.hasNext()) {
                throw new SourceReadException(name + ": the CSV file has no header row; export it"
                        + " again with Export-Csv");
            }
            List<String> header = new ArrayList<>();
            for (String cell : rows.next()) {
                header.add(cell.trim());
            }
            LineCounter lines = new LineCounter(body);
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                long line = offset + lines.lineAt(row.getCharacterPosition());
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < row.size(); i++) {
                    if (!header.get(i).isEmpty() && !row.get(i).isEmpty()) {
                        values.put(header.get(i), row.get(i));
                    }
                }
                if (row.size() > header.size()) {
                    problems.add(new Problem(line, "row has " + row.size() + " values but the"
                            + " header names " + header.size() + " columns; the extra values are"
                            + " ignored. Export the file again with Export-Csv"));
                }
                records.add(new Record(line, values));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new SourceReadException(name + ": the CSV cannot be parsed (" + e.getMessage()
                    + "); export it again with Export-Csv, without editing it by hand");
        }
        return new Parsed(Format.CSV, records, problems);
    }

    /** Turns character positions into line numbers (1-based), for positions that only grow. */
    private static final class LineCounter {
        private final String text;
        private int position;
        private long line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        long lineAt(long characterPosition) {
            int target = (int) Math.min(characterPosition, text.length());
            while (position < target) {
                if (text.charAt(position++) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    // ---------------------------------------------------------------- JSON

    private static Parsed parseJson(String name, String text) throws SourceReadException {
        List<Record> records = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            parser.setCodec(JSON);
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readArray(parser, records, problems);
            } else if (first == JsonToken.START_OBJECT) {
                long line = parser.currentTokenLocation().getLineNr();
                JsonNode node = parser.readValueAsTree();
                JsonNode wrapped = node.get("value");
                if (wrapped != null && wrapped.isArray() && node.has("Count")
                        && node.size() == 2) {
                    // Windows PowerShell wraps some arrays: {"value": [...], "Count": n}
                    try (JsonParser inner = wrapped.traverse(JSON)) {
                        inner.nextToken();
                        readArray(inner, records, problems);
                    }
                } else {
                    records.add(new Record(line, objectValues(node)));
                }
            } else {
                throw new SourceReadException(name + ": the JSON holds neither an object nor an"
                        + " array of objects; export it again with ConvertTo-Json");
            }
        } catch (JsonProcessingException e) {
            throw new SourceReadException(name + " line " + e.getLocation().getLineNr()
                    + ": the JSON does not parse (" + e.getOriginalMessage() + "); export it"
                    + " again with ConvertTo-Json and save it without editing");
        } catch (IOException e) {
            throw new SourceReadException(name + ": the JSON cannot be read (" + e.getMessage()
                    + "); export it again with ConvertTo-Json");
        }
        return new Parsed(Format.JSON, records, problems);
    }

    private static void readArray(JsonParser parser, List<Record> records,
                                  List<Problem> problems) throws IOException {
        for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
            long line = parser.currentTokenLocation().getLineNr();
            JsonNode node = parser.readValueAsTree();
            if (node != null && node.isObject()) {
                records.add(new Record(line, objectValues(node)));
            } else {
                problems.add(new Problem(line, "array element " + (node == null ? "null"
                        : node.toString()) + " is not an object and is ignored; export the"
                        + " objects themselves with ConvertTo-Json"));
            }
        }
    }

    private static Map<String, Object> objectValues(JsonNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            Object value = jsonValue(field.getValue());
            if (value != null) {
                values.put(field.getKey(), value);
            }
        });
        return values;
    }

    private static Object jsonValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : node) {
                Object value = jsonValue(item);
                if (value != null) {
                    items.add(value);
                }
            }
            return items;
        }
        if (node.isObject()) {
            JsonNode value = node.get("value");
            if (value != null && (node.has("DateTime") || node.has("DisplayHint"))) {
                // a date that carries PowerShell's extra properties
                return jsonValue(value);
            }
            return objectValues(node);
        }
        return node.asText();
    }

    // ---------------------------------------------------------------- list view

    private static Parsed parseList(String text) {
        List<Record> records = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        Map<String, Object> current = null;
        long start = 0;
        String property = null;
        int valueColumn = 0;
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 ? stripBom(lines[i]) : lines[i];
            if (line.isBlank()) {
                if (current != null) {
                    finish(current, property, value);
                    records.add(new Record(start, current));
                    current = null;
                    property = null;
                }
                continue;
            }
            Matcher m = LIST_LINE.matcher(line);
            if (m.matches()) {
                if (current == null) {
                    current = new LinkedHashMap<>();
                    start = i + 1L;
                } else {
                    finish(current, property, value);
                }
                property = m.group(1);
                valueColumn = m.end(2) + 2;
                value.setLength(0);
                value.append(m.group(3));
            } else if (property != null && Character.isWhitespace(line.charAt(0))) {
                int indent = 0;
                while (indent < line.length() && line.charAt(indent) == ' ') {
                    indent++;
                }
                value.append(indent >= valueColumn ? line.substring(valueColumn) : line.strip());
            } else {
                problems.add(new Problem(i + 1L, "\"" + line.strip() + "\" is neither a"
                        + " \"Name : value\" line nor the continuation of one and is ignored;"
                        + " save the cmdlet's output as it is printed, or export it with"
                        + " ConvertTo-Json"));
            }
        }
        if (current != null) {
            finish(current, property, value);
            records.add(new Record(start, current));
        }
        return new Parsed(Format.LIST, records, problems);
    }

    private static void finish(Map<String, Object> record, String property, StringBuilder value) {
        if (property != null) {
            String text = value.toString().strip();
            if (!text.isEmpty()) {
                record.put(property, text);
            }
        }
    }

    // ---------------------------------------------------------------- records

    /** One object: where it starts in the file and its properties in the order written. */
    public static final class Record {
        private final long line;
        private final Map<String, Object> values;

        public Record(long line, Map<String, Object> values) {
            this.line = line;
            this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The line of the file where the object starts (1-based). */
        public long line() {
            return line;
        }

        /** The properties in the order written. */
        public Map<String, Object> values() {
            return values;
        }

        /** The value of a property (any case), or null when the object does not have it. */
        public Object get(String name) {
            return lookup(values, name);
        }

        /** True when the object has the property (any case), even with an empty value. */
        public boolean has(String name) {
            return get(name) != null;
        }

        /** The property as trimmed text, or null when it is missing or empty. A list gives its
         *  items joined by ", ". */
        public String text(String name) {
            Object value = get(name);
            String text;
            if (value instanceof List<?> items) {
                List<String> parts = new ArrayList<>();
                items.forEach(item -> parts.add(String.valueOf(item)));
                text = String.join(", ", parts);
            } else {
                text = value == null ? null : value.toString();
            }
            return text == null || text.isBlank() ? null : text.strip();
        }

        /**
         * The property as a list: a JSON array as it is; text such as {@code {a, b}} or
         * {@code a, b} split at commas; a single value as a list of one. A final
         * {@code ...} that PowerShell adds when it shortens a list is removed (see
         * {@link #shortened}).
         */
        public List<Object> list(String name) {
            return items(get(name)).items();
        }

        /** True when PowerShell shortened the list in this property and ended it with "...". */
        public boolean shortened(String name) {
            return items(get(name)).shortened();
        }

        @Override
        public String toString() {
            return "line " + line + " " + values;
        }
    }

    /** Looks a key up without regard to case. */
    public static Object lookup(Map<String, Object> map, String name) {
        Object exact = map.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private record Items(List<Object> items, boolean shortened) {
    }

    private static Items items(Object value) {
        List<Object> items = new ArrayList<>();
        if (value == null) {
            return new Items(items, false);
        }
        if (value instanceof Map<?, ?>) {
            items.add(value);
            return new Items(items, false);
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s) {
                    if (!s.isBlank()) {
                        items.add(s.strip());
                    }
                } else {
                    items.add(item);
                }
            }
            return new Items(items, false);
        }
        String text = value.toString().strip();
        if (text.startsWith("{") && text.endsWith("}")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        boolean shortened = false;
        if (text.endsWith(ELLIPSIS)) {
            text = text.substring(0, text.length() - ELLIPSIS.length());
            shortened = true;
        }
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                items.add(part.strip());
            }
        }
        return new Items(items, shortened);
    }
}
