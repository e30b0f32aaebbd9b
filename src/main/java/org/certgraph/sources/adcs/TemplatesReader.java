package org.certgraph.sources.adcs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
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
 * Reads certificate templates from the text {@code certutil -v -template} prints (one
 * "Template[n]:" block of TemplateProp… lines per template), or from an LDIF export of the
 * pKICertificateTemplate objects made with {@code ldifde}. Each template becomes a Template node
 * keyed by its name (cn).
 */
public final class TemplatesReader implements SourceReader {

    private static final Pattern TEMPLATE_START = Pattern.compile("\\s*Template\\[\\d+\\]:\\s*");
    private static final Pattern PROPERTY = Pattern.compile("\\s*(TemplateProp\\w+)\\s*=\\s*(.*)");
    private static final Pattern OID_LINE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)+)(?:\\s.*)?");
    private static final Pattern HEX_AND_DECIMAL = Pattern.compile(
            "\\s*([0-9a-fA-F]+)(?:\\s*\\((-?\\d+)\\))?\\s*");
    private static final Pattern PERIOD = Pattern.compile("\\s*(\\d+)\\s+(\\p{L}+)\\.?\\s*");
    private static final Pattern LDIF_LINE = Pattern.compile("([A-Za-z][\\w-]*)(::?)\\s?(.*)");
    private static final String EXPORT_HINT = "export the templates again with"
            + " certutil -v -template > templates.txt";
    private static final long TICKS_PER_SECOND = 10_000_000L;

    /** A template as read, before it is handed over. */
    private static final class Template {
        final long line;
        String name;
        String displayName;
        String oid;
        Long schemaVersion;
        Long minimumKeySize;
        final List<String> ekus = new ArrayList<>();
        String validity;
        Long validityDays;
        final List<String> issues = new ArrayList<>();

        Template(long line) {
            this.line = line;
        }
    }

    @Override
    public String name() {
        return "templates";
    }

    @Override
    public String description() {
        return "certificate templates (certutil -v -template, or an ldifde export)";
    }

    @Override
    public boolean recognises(String head) {
        if (head == null) {
            return false;
        }
        return head.contains("TemplatePropCommonName") || isLdif(head);
    }

    private static boolean isLdif(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        return lower.contains("pkicertificatetemplate")
                && Pattern.compile("(?m)^dn:").matcher(lower).find();
    }

    @Override
    public void read(Path file, ReadOptions options, FactSink sink) throws SourceReadException {
        String fileName = String.valueOf(file.getFileName());
        List<Template> templates;
        try {
            String head = TextFiles.head(file, 64 * 1024);
            if (head.contains("TemplatePropCommonName")) {
                templates = readCertutil(file, fileName);
            } else if (isLdif(head)) {
                templates = readLdif(file);
            } else {
                throw new SourceReadException(fileName + " holds no certificate templates: it"
                        + " has no TemplatePropCommonName lines and is no LDIF export of"
                        + " pKICertificateTemplate objects; " + EXPORT_HINT);
            }
        } catch (IOException e) {
            throw new SourceReadException(fileName + " cannot be read (" + e.getMessage()
                    + "); check that the file exists and may be read");
        }
        if (templates.isEmpty()) {
            throw new SourceReadException(fileName + " holds no certificate templates; "
                    + EXPORT_HINT);
        }
        sink.begin("templates");
        for (Template template : templates) {
            if (template.name == null) {
                template.issues.add(0, "the template has no name (TemplatePropCommonName or"
                        + " cn); it is left out");
            }
            if (!template.issues.isEmpty()) {
                sink.problem(template.line, fileName + ": template "
                        + (template.name == null ? "" : "\"" + template.name + "\" ")
                        + "(line " + template.line + "): " + String.join("; ", template.issues));
            }
            if (template.name != null) {
                sink.node(Model.TEMPLATE, template.name, properties(template));
            }
        }
    }

    private static Map<String, Object> properties(Template template) {
        Map<String, Object> properties = new LinkedHashMap<>();
        put(properties, "displayName", template.displayName);
        put(properties, "oid", template.oid);
        put(properties, "schemaVersion", template.schemaVersion);
        put(properties, "minimumKeySize", template.minimumKeySize);
        properties.put("ekus", List.copyOf(template.ekus));
        put(properties, "validity", template.validity);
        put(properties, "validityDays", template.validityDays);
        return properties;
    }

    // --------------------------------------------------------------- certutil text

    private static List<Template> readCertutil(Path file, String fileName)
            throws IOException, SourceReadException {
        List<Template> templates = new ArrayList<>();
        Template current = null;
        String property = null;
        long lineNumber = 0;
        try (BufferedReader in = TextFiles.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.contains("command FAILED")) {
                    throw new SourceReadException(fileName + " line " + lineNumber + ": certutil"
                            + " failed (" + line.trim() + "); run certutil -v -template again"
                            + " on a machine that can reach Active Directory");
                }
                if (TEMPLATE_START.matcher(line).matches()) {
                    current = new Template(lineNumber);
                    templates.add(current);
                    property = null;
                    continue;
                }
                if (current == null) {
                    continue;
                }
                Matcher m = PROPERTY.matcher(line);
                if (m.matches()) {
                    property = m.group(1);
                    certutilProperty(current, property, m.group(2).trim(), lineNumber);
                } else if (("TemplatePropEKUs".equals(property)
                        || "TemplatePropOID".equals(property))) {
                    Matcher oid = OID_LINE.matcher(line);
                    if (oid.matches()) {
                        if ("TemplatePropEKUs".equals(property)) {
                            current.ekus.add(oid.group(1));
                        } else if (current.oid == null) {
                            current.oid = oid.group(1);
                        }
                    }
                }
            }
        }
        return templates;
    }

    private static void certutilProperty(Template template, String property, String value,
                                         long line) {
        switch (property) {
            case "TemplatePropCommonName" -> template.name = text(value);
            case "TemplatePropFriendlyName" -> template.displayName = text(value);
            case "TemplatePropSchemaVersion" ->
                    template.schemaVersion = number(template, property, value, line);
            case "TemplatePropMinimumKeySize" ->
                    template.minimumKeySize = number(template, property, value, line);
            case "TemplatePropValidityPeriod" -> period(template, value, line);
            case "TemplatePropOID" -> {
                Matcher oid = OID_LINE.matcher(value);
                if (oid.matches()) {
                    template.oid = oid.group(1);
                }
            }
            default -> {
                // the other properties (flags, providers, security) are not read
            }
        }
    }

    /** A number as certutil prints it: hex, followed by the decimal value in parentheses
     *  when the two differ ("800 (2048)"). */
    private static Long number(Template template, String property, String value, long line) {
        Matcher m = HEX_AND_DECIMAL.matcher(value);
        if (!m.matches()) {
            template.issues.add(property + " \"" + value + "\" (line " + line + ") is not a"
                    + " number; it is left out");
            return null;
        }
        return m.group(2) != null ? Long.parseLong(m.group(2)) : Long.parseLong(m.group(1), 16);
    }

    private static void period(Template template, String value, long line) {
        Matcher m = PERIOD.matcher(value);
        Integer unitDays = m.matches() ? unitDays(m.group(2)) : null;
        if (unitDays == null) {
            template.issues.add("the validity period \"" + value + "\" (line " + line + ") is"
                    + " not a number of years, months, weeks, days or hours; it is left out");
            return;
        }
        long count = Long.parseLong(m.group(1));
        template.validity = value.trim();
        template.validityDays = unitDays == 0 ? count / 24 : count * unitDays;
    }

    /** Days in one unit of a validity period (0 for hours); null when unknown. */
    static Integer unitDays(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("year") || u.startsWith("jahr") || u.startsWith("an")) {
            return 365;
        }
        if (u.startsWith("month") || u.startsWith("monat") || u.equals("mois")) {
            return 30;
        }
        if (u.startsWith("week") || u.startsWith("woche") || u.startsWith("semaine")) {
            return 7;
        }
        if (u.startsWith("day") || u.startsWith("tag") || u.startsWith("jour")) {
            return 1;
        }
        if (u.startsWith("hour") || u.startsWith("stunde") || u.startsWith("heure")) {
            return 0;
        }
        return null;
    }

    // ------------------------------------------------------------------------ LDIF

    private static List<Template> readLdif(Path file) throws IOException {
        List<Template> templates = new ArrayList<>();
        List<String[]> record = new ArrayList<>();
        long recordLine = 0;
        long lineNumber = 0;
        StringBuilder logical = null;
        long logicalLine = 0;
        try (BufferedReader in = TextFiles.open(file)) {
            String line;
            while (true) {
                line = in.readLine();
                lineNumber++;
                if (line != null && line.startsWith(" ") && logical != null) {
                    logical.append(line, 1, line.length());
                    continue;
                }
                if (logical != null) {
                    String[] attribute = ldifAttribute(logical.toString());
                    if (attribute != null) {
                        if (record.isEmpty()) {
                            recordLine = logicalLine;
                        }
                        record.add(attribute);
                    }
                    logical = null;
                }
                if (line == null || line.isBlank()) {
                    ldifTemplate(record, recordLine, templates);
                    record.clear();
                    if (line == null) {
                        break;
                    }
                } else if (!line.startsWith("#")) {
                    logical = new StringBuilder(line);
                    logicalLine = lineNumber;
                }
            }
        }
        return templates;
    }

    /** {name, value} of one LDIF line; Base64 values (name:: …) are kept as Base64 with the
     *  name prefixed by "::". */
    private static String[] ldifAttribute(String line) {
        Matcher m = LDIF_LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        return new String[] {"::".equals(m.group(2)) ? "::" + name : name, m.group(3).trim()};
    }

    private static void ldifTemplate(List<String[]> record, long line, List<Template> out) {
        boolean isTemplate = false;
        for (String[] attribute : record) {
            String objectClass = textOf(attribute, "objectclass");
            if ("pKICertificateTemplate".equalsIgnoreCase(objectClass)) {
                isTemplate = true;
            }
        }
        if (!isTemplate) {
            return;
        }
        Template template = new Template(line);
        for (String[] attribute : record) {
            String name = attribute[0].startsWith("::") ? attribute[0].substring(2) : attribute[0];
            switch (name) {
                case "cn" -> template.name = text(textOf(attribute, name));
                case "displayname" -> template.displayName = text(textOf(attribute, name));
                case "mspki-cert-template-oid" -> template.oid = text(textOf(attribute, name));
                case "mspki-template-schema-version" ->
                        template.schemaVersion = decimal(template, name, textOf(attribute, name));
                case "mspki-minimal-key-size" ->
                        template.minimumKeySize = decimal(template, name, textOf(attribute, name));
                case "pkiextendedkeyusage" -> {
                    String eku = text(textOf(attribute, name));
                    if (eku != null) {
                        template.ekus.add(eku);
                    }
                }
                case "pkiexpirationperiod" -> ldifPeriod(template, attribute);
                default -> {
                    // other attributes are not read
                }
            }
        }
        out.add(template);
    }

    private static String textOf(String[] attribute, String name) {
        if (attribute[0].equals(name)) {
            return attribute[1];
        }
        if (attribute[0].equals("::" + name)) {
            try {
                return new String(Base64.getDecoder().decode(attribute[1]),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static Long decimal(Template template, String name, String value) {
        try {
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            template.issues.add(name + " \"" + value + "\" is not a number; it is left out");
            return null;
        }
    }

    /** pKIExpirationPeriod: 8 bytes, little-endian, a negative count of 100 ns ticks. */
    private static void ldifPeriod(Template template, String[] attribute) {
        byte[] bytes = null;
        if (attribute[0].startsWith("::")) {
            try {
                bytes = Base64.getDecoder().decode(attribute[1]);
            } catch (IllegalArgumentException e) {
                bytes = null;
            }
        }
        if (bytes == null || bytes.length != 8) {
            template.issues.add("pKIExpirationPeriod \"" + attribute[1] + "\" is not the 8-byte"
                    + " period ldifde writes; the validity is left out");
            return;
        }
        long ticks = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        long seconds = Math.abs(ticks) / TICKS_PER_SECOND;
        long days = seconds / 86_400;
        template.validityDays = days;
        template.validity = periodText(seconds);
    }

    /** A period in the words certutil uses: "2 Years", "6 Weeks", "90 Days", "8 Hours". */
    static String periodText(long seconds) {
        long days = seconds / 86_400;
        if (days == 0) {
            return seconds / 3600 + " Hours";
        }
        if (days % 365 == 0) {
            return days / 365 + " Years";
        }
        if (days % 30 == 0) {
            return days / 30 + " Months";
        }
        if (days % 7 == 0) {
            return days / 7 + " Weeks";
        }
        return days + " Days";
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).trim();
        }
        return trimmed.isEmpty() || "EMPTY".equals(trimmed) ? null : trimmed;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
