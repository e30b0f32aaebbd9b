package org.certgraph.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The sample estate (importers/samples/) as the jar carries it: {@code files.txt} lists its
 * files, which are copied to a folder so the importers read them like any user's files.
 */
public final class SampleResources {

    private static final String BASE = "/samples/";
    /** The list of the sample's files, one path per line, relative to the folder. */
    public static final String INDEX = "files.txt";

    private SampleResources() {
    }

    /** Whether this build carries the sample estate. */
    public static boolean available() {
        return SampleResources.class.getResource(BASE + INDEX) != null;
    }

    /** Copies the sample estate into {@code dir} and returns it. */
    public static Path extractTo(Path dir) {
        try (InputStream index = open(INDEX)) {
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8)
                    .split("\\R")) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#") || name.contains("..")) {
                    continue;
                }
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = open(name)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = SampleResources.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IOException("the sample estate lacks " + name);
        }
        return in;
    }
}
