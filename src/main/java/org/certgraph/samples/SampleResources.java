package org.certgraph.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The sample estate (importers/samples/) as the build carries it on the class path, copied to a
 * folder so the importers read it like any user's files.
 */
public final class SampleResources {

    private static final String BASE = "samples/";
    private static final String MARKER = BASE + "README.md";

    private SampleResources() {
    }

    /** Whether this build carries the sample estate. */
    public static boolean available() {
        return SampleResources.class.getClassLoader().getResource(MARKER) != null;
    }

    /** Copies the sample estate into {@code dir} and returns it. */
    public static Path extractTo(Path dir) {
        try {
            for (String name : names()) {
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = SampleResources.class.getClassLoader()
                        .getResourceAsStream(BASE + name)) {
                    if (in == null) {
                        throw new IOException("the sample estate lacks " + name);
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample's files, relative to its folder, from the jar or from a classes folder. */
    private static List<String> names() throws IOException {
        URL marker = SampleResources.class.getClassLoader().getResource(MARKER);
        if (marker == null) {
            throw new IOException("this build carries no sample estate");
        }
        List<String> names = new ArrayList<>();
        if ("jar".equals(marker.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) marker.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                jar.stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith(BASE) && !n.endsWith("/"))
                        .forEach(n -> names.add(n.substring(BASE.length())));
            }
            return names;
        }
        try {
            Path root = Path.of(marker.toURI()).getParent();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .forEach(p -> names.add(root.relativize(p).toString()
                                .replace('\\', '/')));
            }
            return names;
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
