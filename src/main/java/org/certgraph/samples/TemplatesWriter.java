package org.certgraph.samples;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes certificate templates the way {@code certutil -v -template} prints them: a policy
 * header, then one "Template[n]:" block per template with the TemplateProp… lines certgraph
 * reads (name, display name, EKUs, schema version, minimum key size, OID, validity), CRLF line
 * ends. Flags, providers and security descriptors are left out.
 */
public final class TemplatesWriter {

    /** Names certutil prints after well-known EKU OIDs. */
    private static final Map<String, String> EKU_NAMES = Map.of(
            "1.3.6.1.5.5.7.3.1", "Server Authentication",
            "1.3.6.1.5.5.7.3.2", "Client Authentication",
            "1.3.6.1.5.5.7.3.3", "Code Signing",
            "1.3.6.1.5.5.7.3.4", "Secure Email",
            "1.3.6.1.4.1.311.10.3.4", "Encrypting File System",
            "1.3.6.1.4.1.311.20.2.2", "Smart Card Logon",
            "1.3.6.1.5.2.3.5", "KDC Authentication");

    /**
     * One template.
     *
     * @param name the template's cn, e.g. WebServer
     * @param displayName the name administrators see, e.g. Web Server
     * @param oid msPKI-Cert-Template-OID
     * @param schemaVersion 1 to 4
     * @param minimumKeySize bits, e.g. 2048
     * @param ekus extended key usage OIDs
     * @param validity the validity period as certutil words it, e.g. "2 Years"
     */
    public record Template(String name, String displayName, String oid, int schemaVersion,
                           int minimumKeySize, List<String> ekus, String validity) {
    }

    private TemplatesWriter() {
    }

    /** Writes all templates; {@code out} is left open. */
    public static void write(Writer out, List<Template> templates) throws IOException {
        StringBuilder text = new StringBuilder();
        line(text, "Name: Active Directory Enrollment Policy");
        line(text, "  Id: {" + UUID.nameUUIDFromBytes("certgraph templates"
                .getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(Locale.ROOT) + "}");
        line(text, "  Url: ldap:");
        line(text, templates.size() + " Templates:");
        line(text, "");
        for (int i = 0; i < templates.size(); i++) {
            Template t = templates.get(i);
            line(text, "  Template[" + i + "]:");
            line(text, "  TemplatePropCommonName = " + t.name());
            line(text, "  TemplatePropFriendlyName = " + t.displayName());
            if (!t.ekus().isEmpty()) {
                line(text, "  TemplatePropEKUs =");
                line(text, t.ekus().size() + " ObjectIds:");
                for (String eku : t.ekus()) {
                    String name = EKU_NAMES.get(eku);
                    line(text, "    " + eku + (name == null ? "" : " " + name));
                }
                line(text, "");
            }
            line(text, "  TemplatePropSchemaVersion = " + number(t.schemaVersion()));
            line(text, "  TemplatePropMinimumKeySize = " + number(t.minimumKeySize()));
            line(text, "  TemplatePropOID =");
            line(text, "    " + t.oid() + (t.schemaVersion() > 1 ? " " + t.displayName() : ""));
            line(text, "");
            line(text, "  TemplatePropValidityPeriod = " + t.validity());
            line(text, "  TemplatePropRenewalPeriod = 6 Weeks");
            line(text, "");
            out.write(text.toString());
            text.setLength(0);
        }
        line(text, "CertUtil: -Template command completed successfully.");
        out.write(text.toString());
        out.flush();
    }

    /** certutil prints numbers in hex, followed by the decimal value when the two differ. */
    static String number(int value) {
        String hex = Integer.toHexString(value);
        return hex.equals(Integer.toString(value)) ? hex : hex + " (" + value + ")";
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append("\r\n");
    }
}
