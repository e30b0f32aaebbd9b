package org.certgraph.samples;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes desk phone inventories in the CSV shape {@code PhoneInventoryReader} reads: one row per
 * phone ({@value #PHONE_HEADER}) or one row per group of identical phones
 * ({@value #GROUP_HEADER}). Used by the sample estate and the benchmark generator. Rows end in
 * CRLF like the files Windows tools write; values are quoted only where CSV needs it.
 */
public final class PhoneInventoryWriter {

    /** The header of a per-phone inventory. */
    public static final String PHONE_HEADER = "SipAddress,Model,Firmware,Pool";
    /** The header of a grouped inventory. */
    public static final String GROUP_HEADER = "Model,Firmware,Pool,Count";

    /** One phone: its SIP address (with or without "sip:"), model, firmware and pool FQDN. */
    public record Phone(String sipAddress, String model, String firmware, String pool) {
    }

    /** A number of identical phones of one model and firmware registered to one pool. */
    public record Group(String model, String firmware, String pool, long count) {
    }

    private PhoneInventoryWriter() {
    }

    /** Writes a per-phone inventory to {@code out}; the writer is flushed, not closed. */
    public static void writePhones(Writer out, Iterable<Phone> phones) throws IOException {
        row(out, PHONE_HEADER.split(","));
        for (Phone phone : phones) {
            row(out, phone.sipAddress(), phone.model(), phone.firmware(), phone.pool());
        }
        out.flush();
    }

    /** Writes a grouped inventory to {@code out}; the writer is flushed, not closed. */
    public static void writeGroups(Writer out, Iterable<Group> groups) throws IOException {
        row(out, GROUP_HEADER.split(","));
        for (Group group : groups) {
            row(out, group.model(), group.firmware(), group.pool(), String.valueOf(group.count()));
        }
        out.flush();
    }

    /** Writes a per-phone inventory file in UTF-8. */
    public static void writePhones(Path file, Iterable<Phone> phones) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writePhones(out, phones);
        }
    }

    /** Writes a grouped inventory file in UTF-8. */
    public static void writeGroups(Path file, Iterable<Group> groups) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeGroups(out, groups);
        }
    }

    private static void row(Writer out, String... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(values[i] == null ? "" : values[i]));
        }
        out.write("\r\n");
    }

    /** The value as a CSV field: quoted, with quotes doubled, only when it needs to be. */
    static String quoted(String value) {
        boolean needs = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                || !value.equals(value.strip());
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
