package org.certgraph.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes cmdlet output for the sample estate and the benchmark generator, in the three shapes
 * {@link org.certgraph.sources.windows.CmdletOutput} reads. A record is an ordered map from
 * property name to a value: text, a {@code Boolean}, a {@code List} of values, or a {@code Map}
 * (a nested object such as a TrustedCACerts entry).
 *
 * <ul>
 *   <li>CSV: Export-Csv with every value quoted and CRLF line ends, optionally after a
 *       {@code #TYPE} line; lists are written as {@code a, b} and nested objects as
 *       {@code Key=value;Key=value}, as the calculated properties in importers/skype.md do.</li>
 *   <li>JSON: ConvertTo-Json with a two-space indent; one record alone, several as an array.</li>
 *   <li>List: the default view, names padded to one column, lists as {@code {a, b}}, long
 *       values cut at the line width and continued on lines indented to the value column.</li>
 * </ul>
 */
public final class CmdletOutputWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CmdletOutputWriter() {
    }

    /** Export-Csv output; {@code typeName} null leaves out the {@code #TYPE} line. */
    public static String csv(List<Map<String, Object>> records, String typeName) {
        List<String> header = new ArrayList<>();
        for (Map<String, Object> record : records) {
            for (String name : record.keySet()) {
                if (!header.contains(name)) {
                    header.add(name);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        if (typeName != null) {
            out.append("#TYPE ").append(typeName).append("\r\n");
        }
        List<String> cells = new ArrayList<>();
        header.forEach(name -> cells.add(quote(name)));
        out.append(String.join(",", cells)).append("\r\n");
        for (Map<String, Object> record : records) {
            cells.clear();
            for (String name : header) {
                Object value = record.get(name);
                cells.add(value == null ? "" : quote(text(value, false)));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    /** ConvertTo-Json output: an object for one record, an array for any other number. */
    public static String json(List<Map<String, Object>> records) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\r\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\r\n"));
        try {
            Object value = records.size() == 1 ? records.get(0) : records;
            return JSON.writer(printer).writeValueAsString(value) + "\r\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("records cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The default list view, with lines no longer than {@code width} characters. */
    public static String list(List<Map<String, Object>> records, int width) {
        StringBuilder out = new StringBuilder("\r\n");
        for (Map<String, Object> record : records) {
            out.append("\r\n");
            int nameWidth = record.keySet().stream().mapToInt(String::length).max().orElse(0);
            int column = nameWidth + 3;
            int room = Math.max(10, width - column);
            for (Map.Entry<String, Object> property : record.entrySet()) {
                String name = property.getKey();
                String value = property.getValue() == null ? "" : text(property.getValue(),
                        true);
                out.append(name).append(" ".repeat(nameWidth - name.length())).append(" : ");
                int at = 0;
                do {
                    int end = Math.min(value.length(), at + room);
                    if (at > 0) {
                        out.append("\r\n").append(" ".repeat(column));
                    }
                    out.append(value, at, end);
                    at = end;
                } while (at < value.length());
                out.append("\r\n");
            }
        }
        return out.append("\r\n\r\n").toString();
    }

    /** A value as PowerShell shows it: lists in braces in the list view, objects as
     *  {@code Key=value;Key=value}. */
    static String text(Object value, boolean braces) {
        if (value instanceof List<?> items) {
            List<String> parts = new ArrayList<>();
            items.forEach(item -> parts.add(text(item, false)));
            String joined = String.join(", ", parts);
            return braces ? "{" + joined + "}" : joined;
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + "=" + text(v, false)));
            return String.join(";", parts);
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        return String.valueOf(value);
    }

    /** A CSV cell as Export-Csv writes it: in double quotes, inner quotes doubled. */
    static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
