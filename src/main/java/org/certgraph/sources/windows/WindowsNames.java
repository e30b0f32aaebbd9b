package org.certgraph.sources.windows;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names as Windows spells them: certificate stores, server FQDNs, and what export file names
 * such as {@code fe01.contoso.com-Root.csv} say about the server and the store.
 */
public final class WindowsNames {

    /** The LocalMachine stores, spelled as Windows names them. */
    public static final List<String> STORES = List.of(
            "Root", "CA", "My", "AuthRoot", "TrustedPeople", "TrustedPublisher", "Disallowed",
            "Trust", "TrustedDevices", "WebHosting", "Remote Desktop", "REQUEST",
            "SmartCardRoot", "ClientAuthIssuer", "Homegroup Machine Certificates",
            "Windows Live ID Token Issuer", "FlightRoot", "eSIM Certification Authorities");

    private static final Pattern FQDN = Pattern.compile(
            "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,63}$");
    private static final Pattern EXTENSION = Pattern.compile("\\.(csv|json|txt|log)$",
            Pattern.CASE_INSENSITIVE);

    private WindowsNames() {
    }

    /** The store's name as Windows spells it, when it is a known store; else as given. */
    public static String store(String name) {
        String trimmed = name.strip();
        for (String known : STORES) {
            if (known.equalsIgnoreCase(trimmed)) {
                return known;
            }
        }
        return trimmed;
    }

    /** True for a name that is one of the LocalMachine stores (any case). */
    public static boolean isKnownStore(String name) {
        return name != null && STORES.stream().anyMatch(s -> s.equalsIgnoreCase(name.strip()));
    }

    /** True when the text (any case) is a fully qualified host name such as fe01.contoso.com. */
    public static boolean isFqdn(String text) {
        return text != null && FQDN.matcher(text.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /** An FQDN in the graph's spelling: lower case, no trailing dot. */
    public static String fqdn(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    }

    /**
     * The server a file name starts with: the longest part before a hyphen (or the whole name
     * without its extension) that is an FQDN, e.g. {@code lync-fe01.contoso.com} from
     * {@code lync-fe01.contoso.com-Root.csv}.
     *
     * @return the lower-case FQDN, or null when the name does not start with one
     */
    public static String serverFromFileName(String fileName) {
        String base = EXTENSION.matcher(fileName).replaceFirst("");
        if (isFqdn(base)) {
            return fqdn(base);
        }
        for (int i = base.lastIndexOf('-'); i > 0; i = base.lastIndexOf('-', i - 1)) {
            String prefix = base.substring(0, i);
            if (isFqdn(prefix)) {
                return fqdn(prefix);
            }
        }
        return null;
    }

    /**
     * The store a file name ends with, as in {@code fe01.contoso.com-Root.csv} or
     * {@code FE01-CA.json}: the part after the last hyphen when it is a known store.
     *
     * @return the store as Windows spells it, or null
     */
    public static String storeFromFileName(String fileName) {
        String base = EXTENSION.matcher(fileName).replaceFirst("");
        int dash = base.lastIndexOf('-');
        String suffix = dash < 0 ? base : base.substring(dash + 1);
        return isKnownStore(suffix) ? store(suffix) : null;
    }

    /**
     * The store at the end of a provider path such as
     * {@code Microsoft.PowerShell.Security\Certificate::LocalMachine\Root}.
     *
     * @return the store as Windows spells it, or null when the path names no store
     */
    public static String storeFromPath(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String value = path.strip();
        int provider = value.indexOf("::");
        if (provider >= 0) {
            value = value.substring(provider + 2);
        }
        String[] parts = value.split("[\\\\/]+");
        if (parts.length < 2) {
            return null;
        }
        return store(parts[parts.length - 1]);
    }
}
