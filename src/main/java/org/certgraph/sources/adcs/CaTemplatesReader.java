package org.certgraph.sources.adcs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certgraph.sources.FactSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.SourceReader;
import org.certgraph.sources.TextFiles;

/**
 * Reads the list of templates a CA publishes, as {@code certutil -CATemplates} prints it: one
 * line per template, "WebServer: Web Server -- Auto-Enroll: Access is denied." (name, display
 * name, then what the current user may do, which is not read). certutil does not print the
 * CA's name; it comes from {@code --authority}, or from the {@code -config "host\CA"} argument
 * when the file is a console transcript that shows the command.
 */
public final class CaTemplatesReader implements SourceReader {

    private static final Pattern WITH_COLON = Pattern.compile("\\s*([^:\\s][^:]*?):\\s+(.+?)"
            + "(?:\\s+--\\s+(.*))?\\s*");
    private static final Pattern NAME_DASHES = Pattern.compile("\\s*(\\S+)\\s+--\\s+(.+?)\\s*");
    private static final Pattern CONFIG = Pattern.compile(
            "-config\\s+(?:\"([^\"]+)\"|(\\S+))", Pattern.CASE_INSENSITIVE);
    private static final String COMMAND = "certutil -CATemplates";

    /** One line of the listing. */
    private record Entry(long line, String name, String displayName) {
    }

    @Override
    public String name() {
        return "ca-templates";
    }

    @Override
    public String description() {
        return "templates a CA publishes (certutil -CATemplates)";
    }

    @Override
    public boolean recognises(String head) {
        if (head == null) {
            return false;
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("-catemplates command")) {
            return true;
        }
        if (lower.contains("-template command") || head.contains("TemplateProp")) {
            return false;
        }
        int entries = 0;
        for (String line : head.split("\\R")) {
            if (line.contains(" -- ") && WITH_COLON.matcher(line).matches()) {
                entries++;
            } else if (!line.isBlank()) {
                return false;
            }
        }
        return entries > 0;
    }

    @Override
    public void read(Path file, ReadOptions options, FactSink sink) throws SourceReadException {
        String fileName = String.valueOf(file.getFileName());
        List<Entry> entries = new ArrayList<>();
        List<String[]> unread = new ArrayList<>();
        String configured = null;
        boolean completed = false;
        long number = 0;
        try (BufferedReader in = TextFiles.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.regionMatches(true, 0, "CertUtil:", 0, 9)) {
                    if (trimmed.contains("FAILED")) {
                        throw new SourceReadException(fileName + " line " + number + ": certutil"
                                + " failed (" + trimmed + "); run " + COMMAND + " again on the"
                                + " CA, or with -config \"host\\CA name\" from a machine that"
                                + " reaches it");
                    }
                    completed = true;
                    continue;
                }
                if (trimmed.toLowerCase(Locale.ROOT).contains("certutil")) {
                    Matcher config = CONFIG.matcher(line);
                    if (config.find()) {
                        configured = caName(config.group(1) != null ? config.group(1)
                                : config.group(2));
                    }
                    continue;
                }
                Entry entry = entry(number, line);
                if (entry != null) {
                    entries.add(entry);
                } else {
                    unread.add(new String[] {Long.toString(number), trimmed});
                }
            }
        } catch (IOException e) {
            throw new SourceReadException(fileName + " cannot be read (" + e.getMessage()
                    + "); check that the file exists and may be read");
        }
        if (entries.isEmpty() && !completed) {
            throw new SourceReadException(fileName + " lists no templates: no line looks like"
                    + " \"WebServer: Web Server -- Auto-Enroll\"; run " + COMMAND
                    + " > ca-templates.txt on the CA and import that file");
        }
        String authority = options != null && options.authority() != null
                && !options.authority().isBlank() ? options.authority().trim() : configured;
        if (authority == null) {
            throw new SourceReadException("The CA that " + fileName + " belongs to cannot be"
                    + " told: " + COMMAND + " does not print it; name the CA with --authority,"
                    + " e.g. --authority \"Contoso Issuing CA 1\"");
        }
        sink.begin("ca-templates:" + authority);
        sink.node(Model.AUTHORITY, authority, Map.of());
        for (Entry entry : entries) {
            Map<String, Object> properties = new LinkedHashMap<>();
            if (entry.displayName() != null) {
                properties.put("displayName", entry.displayName());
            }
            sink.node(Model.TEMPLATE, entry.name(), properties);
            sink.relationship(Model.PUBLISHES, Model.AUTHORITY, authority, Model.TEMPLATE,
                    entry.name(), Map.of());
        }
        for (String[] line : unread) {
            sink.problem(Long.parseLong(line[0]), fileName + ": line " + line[0] + " \""
                    + line[1] + "\" is not a template line such as \"WebServer: Web Server --"
                    + " Auto-Enroll\"; it is skipped; remove it or export the list again with "
                    + COMMAND);
        }
    }

    private static Entry entry(long number, String line) {
        Matcher m = WITH_COLON.matcher(line);
        if (m.matches() && !m.group(1).contains(" -- ")) {
            return new Entry(number, m.group(1).trim(), m.group(2).trim());
        }
        m = NAME_DASHES.matcher(line);
        if (m.matches()) {
            return new Entry(number, m.group(1), m.group(2));
        }
        return null;
    }

    /** "ca01.contoso.com\Contoso Issuing CA 1" → "Contoso Issuing CA 1". */
    private static String caName(String config) {
        int slash = config.lastIndexOf('\\');
        String name = slash < 0 ? config : config.substring(slash + 1);
        return name.isBlank() ? null : name.trim();
    }
}
