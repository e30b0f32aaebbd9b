package org.certgraph.sources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Opens text exports the way Windows tools write them: UTF-16 with a byte order mark (Windows
 * PowerShell 5.1's "Unicode"), UTF-8 with or without one (PowerShell 7), or an ANSI code page
 * (windows-1252) when the bytes are not valid UTF-8. Line ends may be CRLF or LF.
 */
public final class TextFiles {

    private static final int PROBE = 64 * 1024;

    private TextFiles() {
    }

    /** A reader over the whole file, decoded as described above; the BOM is not returned. */
    public static BufferedReader open(Path file) throws IOException {
        PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), PROBE);
        byte[] probe = in.readNBytes(PROBE);
        Charset charset = charsetOf(probe);
        int bom = bomLength(probe);
        in.unread(probe, bom, probe.length - bom);
        return new BufferedReader(new InputStreamReader(in, charset), 64 * 1024);
    }

    /** The first {@code chars} characters of the file as text (for recognising its source). */
    public static String head(Path file, int chars) throws IOException {
        try (BufferedReader reader = open(file)) {
            char[] buffer = new char[chars];
            int n = reader.read(buffer, 0, chars);
            return n <= 0 ? "" : new String(buffer, 0, n);
        }
    }

    /** The charset of a file that starts with these bytes. */
    public static Charset charsetOf(byte[] start) {
        if (start.length >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (start.length >= 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (start.length >= 4 && start[0] != 0 && start[1] == 0 && start[2] != 0 && start[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return validUtf8(start) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    }

    private static int bomLength(byte[] start) {
        if (start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                && (start[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (start.length >= 2 && ((start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE
                || (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF)) {
            return 2;
        }
        return 0;
    }

    private static boolean validUtf8(byte[] bytes) {
        int end = bytes.length;
        // a multi-byte character may be cut at the end of the probe: ignore up to 3 bytes
        while (end > 0 && end > bytes.length - 3 && (bytes[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && (bytes[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Arrays.copyOf(bytes, end)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Reads all of a small stream as text, decoded as above. */
    public static String readAll(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        int bom = bomLength(bytes);
        return new String(bytes, bom, bytes.length - bom, charsetOf(bytes));
    }
}
