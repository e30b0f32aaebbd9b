package org.certgraph.sources.phones;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A firmware version such as {@code 4.0.7577.4372} or {@code 5.9.5.0614}: numbers separated by
 * dots, compared numerically part by part (so 4.0.7577.4420 comes before 4.0.7577.10000). A
 * missing part counts as zero; when two versions are numerically equal the one with fewer parts
 * comes first, so the order agrees with {@link #equals(Object)}.
 *
 * <p>Instances are immutable. {@link #toString()} gives the canonical text: the parts without
 * leading zeros, joined by dots.
 */
public final class FirmwareVersion implements Comparable<FirmwareVersion> {

    /** Digits a part may have after leading zeros are removed; also the width in the key. */
    public static final int MAX_PART_DIGITS = 10;

    private final long[] parts;

    private FirmwareVersion(long[] parts) {
        this.parts = parts;
    }

    /**
     * Reads a version as people copy it from a phone, a log or a spreadsheet; spaces around it
     * are ignored.
     *
     * @throws IllegalArgumentException naming the value and the part that is not a number
     */
    public static FirmwareVersion parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the firmware version is empty; write it as the"
                    + " phone shows it, e.g. 4.0.7577.4372");
        }
        String trimmed = text.strip();
        String[] pieces = trimmed.split("\\.", -1);
        List<Long> values = new ArrayList<>(pieces.length);
        for (String piece : pieces) {
            values.add(parsePart(trimmed, piece));
        }
        return new FirmwareVersion(values.stream().mapToLong(Long::longValue).toArray());
    }

    /** True when {@link #parse(String)} would accept the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static long parsePart(String whole, String piece) {
        if (piece.isEmpty()) {
            throw new IllegalArgumentException("\"" + whole + "\" is not a firmware version: it"
                    + " has an empty part between dots; write numbers separated by single dots,"
                    + " e.g. 4.0.7577.4372");
        }
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("\"" + whole + "\" is not a firmware version:"
                        + " the part \"" + piece + "\" is not a number; write only numbers"
                        + " separated by dots, e.g. 4.0.7577.4372");
            }
        }
        String digits = piece.replaceFirst("^0+(?=.)", "");
        if (digits.length() > MAX_PART_DIGITS) {
            throw new IllegalArgumentException("\"" + whole + "\" is not a firmware version: the"
                    + " part \"" + piece + "\" has more than " + MAX_PART_DIGITS
                    + " digits; check that dots were not lost when the value was copied");
        }
        return Long.parseLong(digits);
    }

    /** The numeric parts, in order. */
    public long[] parts() {
        return parts.clone();
    }

    /**
     * A text that sorts like the versions compare: every part zero-padded to
     * {@value #MAX_PART_DIGITS} digits, joined by dots. Stored on Firmware nodes so that Cypher
     * can order and compare versions with plain string comparison.
     */
    public String versionKey() {
        StringBuilder key = new StringBuilder(parts.length * (MAX_PART_DIGITS + 1));
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                key.append('.');
            }
            key.append(String.format(Locale.ROOT, "%0" + MAX_PART_DIGITS + "d", parts[i]));
        }
        return key.toString();
    }

    @Override
    public int compareTo(FirmwareVersion other) {
        int length = Math.max(parts.length, other.parts.length);
        for (int i = 0; i < length; i++) {
            long mine = i < parts.length ? parts[i] : 0;
            long theirs = i < other.parts.length ? other.parts[i] : 0;
            if (mine != theirs) {
                return Long.compare(mine, theirs);
            }
        }
        return Integer.compare(parts.length, other.parts.length);
    }

    /** True when this version comes before {@code other}. */
    public boolean isBefore(FirmwareVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FirmwareVersion version && Arrays.equals(parts, version.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                text.append('.');
            }
            text.append(parts[i]);
        }
        return text.toString();
    }
}
