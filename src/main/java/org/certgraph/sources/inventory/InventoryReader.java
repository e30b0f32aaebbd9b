package org.certgraph.sources.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.certgraph.cert.CertificateFacts;
import org.certgraph.cert.CertificateReader;
import org.certgraph.cert.ReadResult;
import org.certgraph.cert.Thumbprints;
import org.certgraph.sources.FactSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.certgraph.sources.SourceReader;
import org.certgraph.sources.TextFiles;
import org.certgraph.sources.inventory.YamlTree.Node;
import org.certgraph.sources.phones.CapabilityNames;

/**
 * Reads a small YAML inventory for estates that are not Skype for Business: servers, pools,
 * services, which certificate each server presents for which use (by thumbprint or by a
 * certificate file next to the inventory), trust lists, and the relying parties that connect to
 * services: servers and client platforms with what they can validate. Recognised by a top-level
 * {@code certgraph-inventory: 1}. The format is described in {@code importers/inventory.md}.
 *
 * <p>A file that is not YAML, or lacks the version key, is refused before any fact. Everything
 * else wrong (an unknown key, a bad thumbprint, a missing certificate file) is a problem with its
 * line, and the rest of the file loads.
 */
public final class InventoryReader implements SourceReader {

    static final String VERSION_KEY = "certgraph-inventory";

    private static final Pattern RECOGNISED =
            Pattern.compile("(?m)^certgraph-inventory\\s*:\\s*[\"']?\\d+[\"']?\\s*(#.*)?$");
    private static final Pattern FQDN =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private static final Map<String, Set<String>> KEYS = Map.of(
            "top", Set.of(VERSION_KEY, "servers", "pools", "services", "assignments",
                    "trustLists", "relyingParties"),
            "server", Set.of("fqdn", "site", "role", "os"),
            "pool", Set.of("fqdn", "site", "servers"),
            "service", Set.of("id", "hostedBy", "use", "role"),
            "assignment", Set.of("server", "use", "thumbprint", "certificate"),
            "trust list", Set.of("id", "server", "entries"),
            "trust list entry", Set.of("thumbprint", "certificate", "store"),
            "relying party", Set.of("server", "platform", "version", "signatureHashes", "keys",
                    "source", "connectsTo", "validatesWith"));

    private final CertificateReader certificates;

    /** A reader that opens certificate files without a password. */
    public InventoryReader() {
        this(new CertificateReader());
    }

    /** A reader that opens certificate files with {@code certificates}. */
    public InventoryReader(CertificateReader certificates) {
        this.certificates = certificates;
    }

    @Override
    public String name() {
        return "inventory";
    }

    @Override
    public String description() {
        return "certgraph YAML inventory (servers, services, assignments, trust lists, clients)";
    }

    @Override
    public boolean recognises(String head) {
        return head != null && RECOGNISED.matcher(head).find();
    }

    @Override
    public void read(Path file, ReadOptions options, FactSink sink) throws SourceReadException {
        String name = String.valueOf(file.getFileName());
        List<YamlTree.Problem> duplicates = new ArrayList<>();
        Node root;
        try (BufferedReader reader = TextFiles.open(file)) {
            root = YamlTree.read(reader, duplicates);
        } catch (IOException e) {
            throw new SourceReadException("The inventory " + name + " cannot be read ("
                    + e.getMessage() + "); check that the file exists and certgraph may read it");
        } catch (YamlTree.SyntaxException e) {
            throw new SourceReadException("The inventory " + name + " is not valid YAML at line "
                    + e.line() + ": " + e.getMessage() + "; fix the indentation or quoting there");
        }
        String version = root.isMap() ? root.text(VERSION_KEY) : null;
        if (!"1".equals(version)) {
            throw new SourceReadException("The inventory " + name + " must start with \""
                    + VERSION_KEY + ": 1\"" + (version == null ? "" : " (it says " + version + ")")
                    + "; this certgraph reads version 1 of the inventory format");
        }
        sink.begin("inventory:" + name);
        Loader loader = new Loader(name, file.toAbsolutePath().getParent(), sink);
        duplicates.forEach(d -> loader.problem(d.line(), d.message()));
        loader.load(root);
    }

    /** Walks the tree and hands over facts; one instance per file. */
    private final class Loader {
        private final String file;
        private final Path folder;
        private final FactSink sink;
        private final Set<String> servers = new HashSet<>();
        private final Set<String> pools = new HashSet<>();
        private final Set<String> certificatesGiven = new HashSet<>();

        Loader(String file, Path folder, FactSink sink) {
            this.file = file;
            this.folder = folder;
            this.sink = sink;
        }

        void problem(long line, String message) {
            sink.problem(line, file + ", line " + line + ": " + message);
        }

        void load(Node root) {
            checkKeys(root, "top", "at the top level");
            for (Node item : list(root, "servers")) {
                server(item);
            }
            for (Node item : list(root, "pools")) {
                pool(item);
            }
            for (Node item : list(root, "services")) {
                service(item);
            }
            for (Node item : list(root, "assignments")) {
                assignment(item);
            }
            for (Node item : list(root, "trustLists")) {
                trustList(item);
            }
            for (Node item : list(root, "relyingParties")) {
                relyingParty(item);
            }
        }

        private List<Node> list(Node parent, String key) {
            Node node = parent.get(key);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isList()) {
                problem(node.line(), key + " must be a list of entries starting with '-'; found "
                        + node.describe());
                return List.of();
            }
            List<Node> maps = new ArrayList<>();
            for (Node item : node.items()) {
                if (item.isMap()) {
                    maps.add(item);
                } else {
                    problem(item.line(), "each entry of " + key + " must be a mapping"
                            + " (key: value lines); found " + item.describe());
                }
            }
            return maps;
        }

        private boolean checkKeys(Node node, String kind, String where) {
            Set<String> allowed = KEYS.get(kind);
            List<String> unknown = node.unknownKeys(allowed);
            for (String key : unknown) {
                problem(node.lineOf(key), "unknown key \"" + key + "\" " + where + "; the keys"
                        + " a " + kind + " takes are " + YamlTree.listKeys(allowed));
            }
            return unknown.isEmpty();
        }

        private String required(Node node, String key, String what, String example) {
            String value = node.text(key);
            if (value == null) {
                problem(node.line(), what + " needs " + key + ": e.g. " + key + ": " + example);
            }
            return value;
        }

        private String fqdn(Node node, String key, String what) {
            String value = required(node, key, what, "web01.contoso.com");
            return value == null ? null : fqdn(value, node.lineOf(key));
        }

        private String fqdn(String value, long line) {
            String name = value.toLowerCase(Locale.ROOT);
            if (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
            }
            if (!FQDN.matcher(name).matches()) {
                problem(line, "\"" + value + "\" is not a host name; write the fully qualified"
                        + " name, e.g. web01.contoso.com");
                return null;
            }
            return name;
        }

        private Map<String, Object> props(Node node, String... keys) {
            Map<String, Object> properties = new LinkedHashMap<>();
            for (String key : keys) {
                String value = node.text(key);
                if (value != null) {
                    properties.put(key, value);
                }
            }
            return properties;
        }

        private void server(Node node) {
            checkKeys(node, "server", "in a server");
            String fqdn = fqdn(node, "fqdn", "a server");
            if (fqdn != null) {
                servers.add(fqdn);
                sink.node(Model.SERVER, fqdn, props(node, "site", "role", "os"));
            }
        }

        private void pool(Node node) {
            checkKeys(node, "pool", "in a pool");
            String fqdn = fqdn(node, "fqdn", "a pool");
            if (fqdn == null) {
                return;
            }
            pools.add(fqdn);
            sink.node(Model.POOL, fqdn, props(node, "site"));
            for (Node member : scalars(node, "servers")) {
                String server = fqdn(member.text(), member.line());
                if (server != null) {
                    mentionServer(server);
                    sink.relationship(Model.MEMBER_OF, Model.SERVER, server, Model.POOL, fqdn,
                            Map.of());
                }
            }
        }

        /** A server named without its own entry: a node without properties, once. */
        private void mentionServer(String fqdn) {
            if (servers.add(fqdn)) {
                sink.node(Model.SERVER, fqdn, Map.of());
            }
        }

        private List<Node> scalars(Node node, String key) {
            Node value = node.get(key);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (value.isScalar()) {
                return List.of(value);
            }
            if (!value.isList()) {
                problem(value.line(), key + " must be a list such as [a, b]; found "
                        + value.describe());
                return List.of();
            }
            List<Node> out = new ArrayList<>();
            for (Node item : value.items()) {
                if (item.isScalar() && !item.text().isEmpty()) {
                    out.add(item);
                } else {
                    problem(item.line(), "each entry of " + key + " must be a single value; found "
                            + item.describe());
                }
            }
            return out;
        }

        private void service(Node node) {
            checkKeys(node, "service", "in a service");
            String id = required(node, "id", "a service", "ldaps:dc01.contoso.com");
            String hostedBy = node.text("hostedBy");
            if (id == null) {
                return;
            }
            Map<String, Object> properties = props(node, "use", "role");
            String host = hostedBy == null ? null : fqdn(hostedBy, node.lineOf("hostedBy"));
            if (hostedBy == null) {
                problem(node.line(), "the service " + id + " needs hostedBy: the FQDN of the pool"
                        + " or server that provides it");
            } else if (host != null && pools.contains(host)) {
                properties.put("pool", host);
            } else if (host != null && !servers.contains(host)) {
                problem(node.lineOf("hostedBy"), "the service " + id + " is hosted by \""
                        + hostedBy + "\", which is neither a pool nor a server listed above;"
                        + " add it under pools: or servers:");
                host = null;
            }
            sink.node(Model.SERVICE, id, properties);
            if (host != null) {
                String label = pools.contains(host) ? Model.POOL : Model.SERVER;
                sink.relationship(Model.HOSTED_BY, Model.SERVICE, id, label, host, Map.of());
            }
        }

        private void assignment(Node node) {
            checkKeys(node, "assignment", "in an assignment");
            String server = fqdn(node, "server", "an assignment");
            String use = required(node, "use", "an assignment", "Web");
            if (server == null || use == null) {
                return;
            }
            String sha1 = certificateOf(node, "an assignment");
            if (sha1 != null) {
                mentionServer(server);
                sink.relationship(Model.ASSIGNED, Model.SERVER, server, Model.CERTIFICATE, sha1,
                        Map.of("use", use));
            }
        }

        /** The SHA-1 of the certificate an entry names by thumbprint or by file, or null. */
        private String certificateOf(Node node, String what) {
            String thumbprint = node.text("thumbprint");
            String path = node.text("certificate");
            if ((thumbprint == null) == (path == null)) {
                problem(node.line(), what + " needs either thumbprint: or certificate: (a file"
                        + " path relative to this inventory), not " + (path == null ? "neither"
                        : "both"));
                return null;
            }
            if (thumbprint != null) {
                return reference(thumbprint, node.lineOf("thumbprint"));
            }
            return fromFile(path, node.lineOf("certificate"));
        }

        private String reference(String thumbprint, long line) {
            String sha1;
            try {
                sha1 = Thumbprints.normalise(thumbprint);
            } catch (IllegalArgumentException e) {
                problem(line, e.getMessage());
                return null;
            }
            if (sha1.length() != Thumbprints.SHA1_LENGTH) {
                problem(line, "\"" + thumbprint.strip() + "\" is a SHA-256 fingerprint; certgraph"
                        + " refers to certificates by their SHA-1 thumbprint (40 hex digits), as"
                        + " Windows shows it, or give the certificate file instead");
                return null;
            }
            sink.certificateRef(sha1);
            return sha1;
        }

        private String fromFile(String path, long line) {
            Path certificateFile = folder.resolve(path).normalize();
            ReadResult result = certificates.read(certificateFile);
            for (String message : result.problems()) {
                problem(line, "the certificate file " + path + ": " + message);
            }
            List<CertificateFacts> found = result.certificates();
            if (found.isEmpty()) {
                if (result.problems().isEmpty()) {
                    problem(line, "the certificate file " + path + " holds no certificate; give"
                            + " a PEM, DER, PKCS#7 or PKCS#12 file with the certificate");
                }
                return null;
            }
            for (CertificateFacts certificate : found) {
                if (certificatesGiven.add(certificate.sha1())) {
                    sink.certificate(certificate);
                }
            }
            return found.stream().filter(c -> !c.isCA()).findFirst().orElse(found.get(0)).sha1();
        }

        private void trustList(Node node) {
            checkKeys(node, "trust list", "in a trust list");
            String id = required(node, "id", "a trust list", "java:app01-truststore");
            if (id == null) {
                return;
            }
            sink.node(Model.TRUST_LIST, id, Map.of());
            if (node.text("server") != null) {
                String server = fqdn(node.text("server"), node.lineOf("server"));
                if (server != null) {
                    mentionServer(server);
                    sink.relationship(Model.HAS_STORE, Model.SERVER, server, Model.TRUST_LIST, id,
                            Map.of());
                }
            }
            for (Node entry : list(node, "entries")) {
                checkKeys(entry, "trust list entry", "in a trust list entry");
                String store = entry.text("store");
                String sha1 = certificateOf(entry, "a trust list entry");
                if (sha1 != null) {
                    sink.relationship(Model.TRUSTS, Model.TRUST_LIST, id, Model.CERTIFICATE, sha1,
                            Map.of("store", store == null ? "Root" : store));
                }
            }
        }

        private void relyingParty(Node node) {
            checkKeys(node, "relying party", "in a relying party");
            String server = node.text("server");
            String platform = node.text("platform");
            String label;
            String key;
            if (server != null && platform == null) {
                label = Model.SERVER;
                key = fqdn(server, node.lineOf("server"));
                if (key != null) {
                    mentionServer(key);
                }
            } else if (platform != null && server == null) {
                label = Model.PLATFORM;
                key = platform(node, platform);
            } else {
                problem(node.line(), "a relying party needs either server: (an FQDN) or"
                        + " platform: with version:, not " + (server == null ? "neither" : "both"));
                return;
            }
            if (key == null) {
                return;
            }
            for (Node service : scalars(node, "connectsTo")) {
                sink.relationship(Model.CONNECTS_TO, label, key, Model.SERVICE, service.text(),
                        Map.of());
            }
            for (Node list : scalars(node, "validatesWith")) {
                sink.relationship(Model.VALIDATES_WITH, label, key, Model.TRUST_LIST, list.text(),
                        Map.of());
            }
        }

        private String platform(Node node, String name) {
            String version = required(node, "version", "the platform " + name, "\"8\"");
            if (version == null) {
                return null;
            }
            String id = name + " " + version;
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("name", name);
            properties.put("version", version);
            List<String> hashes = names(node, "signatureHashes", CapabilityNames::hash);
            List<String> keys = names(node, "keys", CapabilityNames::key);
            String source = node.text("source");
            if ((hashes != null || keys != null) && source == null) {
                problem(node.line(), "the platform " + id + " states what it can validate but not"
                        + " where that comes from; add source: with the document or \"site"
                        + " decision\". Its capabilities were left unknown");
                hashes = null;
                keys = null;
            }
            if (hashes != null) {
                properties.put("signatureHashes", hashes);
            }
            if (keys != null) {
                properties.put("keys", keys);
            }
            properties.put("signatureHashesKnown", hashes != null);
            properties.put("keysKnown", keys != null);
            properties.put("capabilityKnown", hashes != null && keys != null);
            if (source != null && (hashes != null || keys != null)) {
                properties.put("source", source);
            }
            sink.node(Model.PLATFORM, id, properties);
            return id;
        }

        private List<String> names(Node node, String key, UnaryOperator<String> canonical) {
            if (node.get(key) == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (Node item : scalars(node, key)) {
                try {
                    String name = canonical.apply(item.text());
                    if (!out.contains(name)) {
                        out.add(name);
                    }
                } catch (IllegalArgumentException e) {
                    problem(item.line(), e.getMessage());
                }
            }
            return out;
        }
    }
}
