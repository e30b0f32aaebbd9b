package org.certgraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Properties;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Neo4j running inside the certgraph process on a data folder that survives restarts.
 *
 * <p>It listens on loopback only: Bolt always (certgraph itself talks to it through the driver,
 * exactly as it would to an external server), and HTTP with Neo4j Browser when asked for. Auth
 * is off because nothing outside this machine can reach it. A lock file in the folder tells a
 * second certgraph process that the folder is in use, and a small file beside it says where the
 * running database can be reached.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final String LOCK_FILE = "certgraph.lock";
    private static final String ENDPOINT_FILE = "certgraph-serve.properties";
    private static final String LOOPBACK = "127.0.0.1";

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final DatabaseManagementService dbms;
    private final int boltPort;
    private final int httpPort;

    private EmbeddedNeo4j(Path folder, FileChannel lockChannel, FileLock lock,
                          DatabaseManagementService dbms, int boltPort, int httpPort) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.dbms = dbms;
        this.boltPort = boltPort;
        this.httpPort = httpPort;
    }

    /**
     * Starts Neo4j on {@code folder}.
     *
     * @param boltPort Bolt port, or 0 for any free one
     * @param httpPort port of Neo4j's own web server with Neo4j Browser, 0 for any free one,
     *     or -1 for none
     */
    public static EmbeddedNeo4j start(Path folder, int boltPort, int httpPort) {
        Path home = folder.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(home);
            channel = FileChannel.open(home.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new GraphUnavailableException(folderInUseMessage(home));
            }
            int bolt = boltPort == 0 ? freeLoopbackPort() : boltPort;
            int http = httpPort == 0 ? freeLoopbackPort() : httpPort;
            DatabaseManagementService dbms = build(home, bolt, http).build();
            return new EmbeddedNeo4j(home, channel, lock, dbms, bolt, http);
        } catch (IOException e) {
            closeQuietly(channel);
            String why = Files.exists(home) && !Files.isDirectory(home) ? "it is a file"
                    : e.getMessage();
            throw new GraphUnavailableException("Cannot use the data folder " + home + ": "
                    + why + ". Check that it is a writable folder, or choose another with "
                    + "--data.");
        } catch (RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof GraphUnavailableException) {
                throw e;
            }
            throw new GraphUnavailableException("The embedded Neo4j did not start on " + home
                    + ": " + rootMessage(e) + ". If a port is taken, choose others with "
                    + "--bolt-port and --browser-port.");
        }
    }

    private static DatabaseManagementServiceBuilder build(Path home, int bolt, int http) {
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.default_listen_address,
                        new SocketAddress(LOOPBACK))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout,
                        Duration.ofMillis(200))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, bolt))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(LOOPBACK, bolt))
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(HttpConnector.enabled, http >= 0);
        if (http >= 0) {
            builder.setConfig(HttpConnector.listen_address, new SocketAddress(LOOPBACK, http))
                    .setConfig(HttpConnector.advertised_address,
                            new SocketAddress(LOOPBACK, http));
        }
        return builder;
    }

    public String boltUri() {
        return "bolt://" + LOOPBACK + ":" + boltPort;
    }

    /** The address of Neo4j Browser, or null when the web server is off. */
    public String browserUrl() {
        return httpPort < 0 ? null : "http://" + LOOPBACK + ":" + httpPort + "/browser/";
    }

    public Path folder() {
        return folder;
    }

    /** Writes where this database can be reached, for other certgraph commands to point at. */
    public void advertise(String graphqlUrl) {
        Properties p = new Properties();
        p.setProperty("bolt", boltUri());
        p.setProperty("graphql", graphqlUrl);
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        try (var out = Files.newOutputStream(folder.resolve(ENDPOINT_FILE))) {
            p.store(out, "written by a running certgraph serve");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            dbms.shutdown();
        } finally {
            try {
                Files.deleteIfExists(folder.resolve(ENDPOINT_FILE));
                lock.release();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
            closeQuietly(lockChannel);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String folderInUseMessage(Path home) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(home.resolve(ENDPOINT_FILE))) {
            p.load(in);
        } catch (IOException e) {
            return "The data folder " + home + " is in use by another certgraph process; stop it,"
                    + " or point this command at its database with --neo4j-uri.";
        }
        return "The data folder " + home + " is in use by a running certgraph serve (pid "
                + p.getProperty("pid", "?") + "); reach its database with --neo4j-uri "
                + p.getProperty("bolt") + " or its API at " + p.getProperty("graphql") + ".";
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing useful to do
        }
    }
}
