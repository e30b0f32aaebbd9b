package org.certgraph.sources.phones;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certgraph.cert.SignatureHash;

/**
 * The spellings certgraph uses for what a relying party can validate: signature hashes as the
 * names of {@link SignatureHash} (SHA1, SHA256, ...) and keys as "RSA-2048", "ECDSA-P256",
 * "Ed25519". Accepts the spellings people write ("SHA-256", "sha256", "rsa 2048", "P-384").
 */
public final class CapabilityNames {

    private static final Pattern RSA = Pattern.compile("RSA[-_ ]?(\\d{3,5})");
    private static final Pattern EC = Pattern.compile("(?:ECDSA|EC)?[-_ ]?P[-_ ]?(256|384|521)");

    private CapabilityNames() {
    }

    /**
     * The canonical name of a signature hash.
     *
     * @throws IllegalArgumentException naming the value and the names allowed
     */
    public static String hash(String written) {
        String cleaned = written == null ? "" : written.strip().toUpperCase(Locale.ROOT)
                .replace("-", "").replace("_", "").replace(" ", "");
        for (SignatureHash hash : SignatureHash.values()) {
            if (hash != SignatureHash.OTHER && hash.name().equals(cleaned)) {
                return hash.name();
            }
        }
        throw new IllegalArgumentException("\"" + written + "\" is not a signature hash; write"
                + " one of MD5, SHA1, SHA224, SHA256, SHA384, SHA512");
    }

    /**
     * The canonical name of a key type and size.
     *
     * @throws IllegalArgumentException naming the value and the forms allowed
     */
    public static String key(String written) {
        String cleaned = written == null ? "" : written.strip().toUpperCase(Locale.ROOT);
        Matcher rsa = RSA.matcher(cleaned);
        if (rsa.matches()) {
            return "RSA-" + Integer.parseInt(rsa.group(1));
        }
        Matcher ec = EC.matcher(cleaned);
        if (ec.matches()) {
            return "ECDSA-P" + ec.group(1);
        }
        if (cleaned.equals("ED25519") || cleaned.equals("ED448")) {
            return cleaned.equals("ED25519") ? "Ed25519" : "Ed448";
        }
        throw new IllegalArgumentException("\"" + written + "\" is not a key type; write RSA-<bits>"
                + " (e.g. RSA-2048), ECDSA-P256, ECDSA-P384, ECDSA-P521, Ed25519 or Ed448");
    }

    /**
     * The key name of an RSA key size given as a number of bits.
     *
     * @throws IllegalArgumentException when the text is not a whole number of bits
     */
    public static String rsaBits(String written) {
        String cleaned = written == null ? "" : written.strip();
        if (!cleaned.matches("\\d{3,5}")) {
            throw new IllegalArgumentException("\"" + written + "\" is not an RSA key size; write"
                    + " the number of bits, e.g. 2048");
        }
        return "RSA-" + Integer.parseInt(cleaned);
    }
}
