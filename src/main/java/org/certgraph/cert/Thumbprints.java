package org.certgraph.cert;

import java.util.Locale;

/**
 * Cleans up certificate thumbprints as people paste them: from the Windows certificate dialog
 * (with an invisible left-to-right mark in front), from openssl ("AB:CD:..."), in lower case or
 * split by spaces.
 */
public final class Thumbprints {

    /** Hex digits of a SHA-1 thumbprint. */
    public static final int SHA1_LENGTH = 40;
    /** Hex digits of a SHA-256 thumbprint. */
    public static final int SHA256_LENGTH = 64;

    private Thumbprints() {
    }

    /**
     * Removes whitespace (including no-break spaces), colons, hyphens and invisible formatting
     * characters, and upper-cases the rest.
     *
     * @return 40 (SHA-1) or 64 (SHA-256) upper-case hex digits
     * @throws IllegalArgumentException when what remains is not 40 or 64 hex digits; the message
     *     names the value and says what a thumbprint looks like
     */
    public static String normalise(String thumbprint) {
        if (thumbprint == null) {
            throw new IllegalArgumentException("no thumbprint was given; a thumbprint is 40 (SHA-1)"
                    + " or 64 (SHA-256) hex digits, such as the certificate's SHA-1 fingerprint");
        }
        String cleaned = strip(thumbprint);
        if (!isHex(cleaned) || (cleaned.length() != SHA1_LENGTH
                && cleaned.length() != SHA256_LENGTH)) {
            throw new IllegalArgumentException(describeProblem(thumbprint, cleaned));
        }
        return cleaned;
    }

    /** True when the value normalises to a 40-digit SHA-1 thumbprint. */
    public static boolean isSha1(String thumbprint) {
        String cleaned = thumbprint == null ? "" : strip(thumbprint);
        return cleaned.length() == SHA1_LENGTH && isHex(cleaned);
    }

    /** True when the value normalises to a 64-digit SHA-256 thumbprint. */
    public static boolean isSha256(String thumbprint) {
        String cleaned = thumbprint == null ? "" : strip(thumbprint);
        return cleaned.length() == SHA256_LENGTH && isHex(cleaned);
    }

    /** True when {@link #normalise(String)} would accept the value. */
    public static boolean isValid(String thumbprint) {
        return isSha1(thumbprint) || isSha256(thumbprint);
    }

    private static String strip(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c == ':' || c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT) {
                return;
            }
            out.appendCodePoint(c);
        });
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static boolean isHex(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static String describeProblem(String original, String cleaned) {
        String shown = visible(original);
        String shape = "a thumbprint is 40 hex digits (SHA-1) or 64 hex digits (SHA-256),"
                + " optionally split by spaces or colons, e.g. \"3B:1E:...\"";
        if (!isHex(cleaned)) {
            int bad = cleaned.codePoints().filter(c -> !(c >= '0' && c <= '9')
                    && !(c >= 'A' && c <= 'F')).findFirst().orElse('?');
            return String.format(Locale.ROOT, "\"%s\" is not a thumbprint: it contains '%s',"
                    + " which is not a hex digit; %s", shown, new String(Character.toChars(bad)),
                    shape);
        }
        return String.format(Locale.ROOT, "\"%s\" is not a thumbprint: it has %d hex digits; %s",
                shown, cleaned.length(), shape);
    }

    /** The value with control and invisible characters shown as U+XXXX, cut if very long. */
    private static String visible(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(100).forEach(c -> {
            if (Character.getType(c) == Character.FORMAT || Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "<U+%04X>", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (value.codePointCount(0, value.length()) > 100) {
            out.append("...");
        }
        return out.toString();
    }
}
