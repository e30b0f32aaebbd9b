package org.certgraph.sources.skype;

import java.util.Locale;
import java.util.Map;

import org.certgraph.sources.windows.WindowsNames;

/**
 * How Skype for Business names things, turned into the graph's spelling: service ids
 * {@code <Role>:<pool fqdn>}, web service scopes {@code global}, {@code site:NAME},
 * {@code service:WebServer:FQDN}, and the certificate use each service role presents.
 */
public final class SkypeNames {

    /** The guide users are pointed to in messages. */
    static final String GUIDE = "importers/skype.md";

    /**
     * The certificate use (as Get-CsCertificate names it) that the servers of a service role
     * present to clients. Roles that present no certificate of their own (databases, file
     * stores, gateways) are absent.
     */
    public static final Map<String, String> USE_BY_ROLE = Map.ofEntries(
            Map.entry("WebServer", "WebServicesInternal"),
            Map.entry("Registrar", "Default"),
            Map.entry("UserServer", "Default"),
            Map.entry("ConferencingServer", "Default"),
            Map.entry("ApplicationServer", "Default"),
            Map.entry("MediationServer", "Default"),
            Map.entry("MonitoringServer", "Default"),
            Map.entry("ArchivingServer", "Default"),
            Map.entry("PersistentChatServer", "Default"),
            Map.entry("PersistentChatComplianceServer", "Default"),
            Map.entry("VideoInteropServer", "Default"),
            Map.entry("CentralManagement", "Default"),
            Map.entry("Director", "Default"),
            Map.entry("EdgeServer", "Internal"));

    private SkypeNames() {
    }

    /** The use a role's servers present, spelled like {@link #USE_BY_ROLE}'s keys in any
     *  case, or null. */
    public static String useOf(String role) {
        for (Map.Entry<String, String> entry : USE_BY_ROLE.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(role)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** A certificate use without the {@code urn:certref:} prefix Skype sometimes writes. */
    public static String use(String value) {
        String trimmed = value.strip();
        String prefix = "urn:certref:";
        if (trimmed.regionMatches(true, 0, prefix, 0, prefix.length())) {
            trimmed = trimmed.substring(prefix.length()).strip();
        }
        return trimmed;
    }

    /** The site name in {@code Site:Redmond} (or a bare {@code Redmond}). */
    public static String site(String value) {
        String trimmed = value.strip();
        return trimmed.regionMatches(true, 0, "site:", 0, 5) ? trimmed.substring(5).strip()
                : trimmed;
    }

    /**
     * A configuration scope in the graph's spelling: {@code Global} becomes {@code global},
     * {@code Site:Redmond} {@code site:Redmond}, {@code Service:WebServer:POOL01.contoso.com}
     * {@code service:WebServer:pool01.contoso.com}.
     *
     * @return the scope, or null when the text is none of the three
     */
    public static String scope(String identity) {
        if (identity == null || identity.isBlank()) {
            return null;
        }
        String value = identity.strip();
        if (value.equalsIgnoreCase("global")) {
            return "global";
        }
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            return null;
        }
        String word = value.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = value.substring(colon + 1).strip();
        if (word.equals("site")) {
            return "site:" + rest;
        }
        if (word.equals("service")) {
            String service = serviceId(rest);
            return service == null ? null : "service:" + service;
        }
        return null;
    }

    /**
     * A service id {@code <Role>:<pool fqdn>} from Get-CsPool's spelling, with the FQDN in lower
     * case, or null when the text is not a role and an FQDN.
     */
    public static String serviceId(String text) {
        String value = text.strip();
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String role = value.substring(0, colon).strip();
        String pool = value.substring(colon + 1).strip();
        if (!role.matches("[A-Za-z][A-Za-z0-9]*") || !WindowsNames.isFqdn(pool)) {
            return null;
        }
        return role + ":" + WindowsNames.fqdn(pool);
    }
}
