package org.certgraph.sources.adcs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a "Certificate Template" cell says. certutil shows the template of a version 1 template
 * by name (WebServer), of later versions by OID, by "OID Name" or by "Name (OID)", depending on
 * whether the CA could look the OID up.
 *
 * @param name the template name, null when the cell holds only an OID
 * @param oid the template OID, null when the cell holds only a name
 */
record TemplateRef(String name, String oid) {

    private static final String OID = "\\d+(?:\\.\\d+)+";
    private static final Pattern ONLY_OID = Pattern.compile(OID);
    private static final Pattern OID_NAME = Pattern.compile("(" + OID + ")\\s+(.+)");
    private static final Pattern NAME_OID = Pattern.compile("(.+?)\\s*\\((" + OID + ")\\)");

    /** The template a cell names, or null for an empty cell. */
    static TemplateRef parse(String cell) {
        String text = cell == null ? "" : cell.trim();
        if (text.isEmpty() || AdcsDumpReader.EMPTY.equals(text)) {
            return null;
        }
        if (ONLY_OID.matcher(text).matches()) {
            return new TemplateRef(null, text);
        }
        Matcher m = OID_NAME.matcher(text);
        if (m.matches()) {
            return new TemplateRef(m.group(2).trim(), m.group(1));
        }
        m = NAME_OID.matcher(text);
        if (m.matches()) {
            return new TemplateRef(m.group(1).trim(), m.group(2));
        }
        return new TemplateRef(text, null);
    }
}
