package org.certgraph.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.certgraph.samples.AdcsDumpWriter;
import org.certgraph.samples.CertStoreExportWriter;
import org.certgraph.samples.CmdletOutputWriter;
import org.certgraph.samples.PhoneInventoryWriter;

/**
 * Writes a synthetic estate of a chosen size in the formats the importers read, the same bytes
 * for the same size and seed: ECDSA P-256 keys from a seeded generator and deterministic ECDSA
 * signatures (RFC 6979), so every certificate is real and verifiable.
 *
 * <p>Two PKIs: an old one whose root and two issuing CAs sign with SHA-1, and a new one whose
 * root and two issuing CAs sign with SHA-256. Each server has an old-PKI certificate that it
 * presents and a new-PKI certificate staged for the move; every other certificate of the size
 * is an ordinary issued certificate, spread over the four issuing CAs. Leaf keys come from a
 * small pool: only the issuer's signature matters to certgraph.
 *
 * <p>The folder, in the order the importer reads it: {@code 1-ca-certificates} (the six CA
 * certificates), {@code 2-adcs} (one certutil CSV dump per issuing CA, its own certificate
 * first), {@code 3-topology} (Get-CsPool), {@code 4-stores} (Root and CA store exports of the
 * first server of every tenth pool), {@code 5-assignments} (YAML inventories of 500 servers
 * each: the certificate each server presents for Default, WebServicesInternal and
 * WebServicesExternal, and that each server connects to its pool's registrar and validates with
 * the shared trust list {@value #SHARED_LIST}), {@code 6-webservice}
 * (Get-CsWebServiceConfiguration), {@code 7-phones} (per-phone inventories of 20,000 rows and
 * one grouped inventory), and {@code site-knowledge.yaml}.
 */
public final class EstateGenerator {

    /** The trust list every server validates with: old and new root. */
    public static final String SHARED_LIST = "bench-java-cacerts";
    public static final String DOMAIN = "bench.example";
    public static final String OLD_FIRMWARE = "4.0.7577.4420";
    public static final String NEW_FIRMWARE = "4.0.7577.4455";
    public static final String VVX_FIRMWARE = "5.9.5.0614";
    public static final List<String> USES = List.of("Default", "WebServicesInternal",
            "WebServicesExternal");
    static final String[] PHONE_MODELS = {"HP 4120", "Polycom CX600", "Polycom VVX 411"};

    private static final Instant CA_FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant CA_TO = Instant.parse("2040-01-01T00:00:00Z");
    private static final Instant LEAF_FROM = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant LEAF_TO = Instant.parse("2035-06-01T00:00:00Z");
    private static final int LEAF_KEYS = 16;
    private static final int SERVERS_PER_CHUNK = 500;
    private static final int PHONES_PER_FILE = 20_000;
    private static final int CA_CERTIFICATE = 15;
    private static final String DONE = "estate-complete.txt";

    /** What the estate holds, for the benchmark's questions. */
    public record Shape(int certificates, int servers, int pools, int phones, int sites) {

        /** The estate of a size: a server per 100 certificates, ten per pool, a phone per 5. */
        public static Shape of(int certificates) {
            int servers = Math.max(4, certificates / 100);
            int pools = Math.max(2, servers / 10);
            servers = pools * (servers / pools);
            return new Shape(certificates, servers, pools, certificates / 5,
                    Math.max(1, Math.min(10, pools / 10)));
        }
    }

    /** One CA of the estate. */
    private record Ca(String name, String subject, KeyPair keys, String algorithm, byte[] der,
                      String sha1) {
    }

    private final Shape shape;
    private final long seed;
    private final Path dir;
    private final BouncyCastleProvider provider = new BouncyCastleProvider();
    private final JcaX509ExtensionUtils ext;
    private final List<KeyPair> leafKeys = new ArrayList<>();
    private final Ca oldRoot;
    private final Ca newRoot;
    private final List<Ca> issuing = new ArrayList<>();

    private EstateGenerator(Shape shape, long seed, Path dir) throws GeneralSecurityException {
        this.shape = shape;
        this.seed = seed;
        this.dir = dir;
        this.ext = new JcaX509ExtensionUtils();
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        oldRoot = ca("Bench Root CA", null, generator.generateKeyPair(), "SHA1withECDDSA");
        newRoot = ca("Bench Root CA G2", null, generator.generateKeyPair(), "SHA256withECDDSA");
        issuing.add(ca("Bench Issuing CA 1", oldRoot, generator.generateKeyPair(),
                "SHA1withECDDSA"));
        issuing.add(ca("Bench Issuing CA 2", oldRoot, generator.generateKeyPair(),
                "SHA1withECDDSA"));
        issuing.add(ca("Bench Issuing CA G2-1", newRoot, generator.generateKeyPair(),
                "SHA256withECDDSA"));
        issuing.add(ca("Bench Issuing CA G2-2", newRoot, generator.generateKeyPair(),
                "SHA256withECDDSA"));
        for (int i = 0; i < LEAF_KEYS; i++) {
            leafKeys.add(generator.generateKeyPair());
        }
    }

    /**
     * The estate of this size and seed under {@code cache}, generated when it is not there yet.
     *
     * @return the estate's folder
     */
    public static Path ensure(Path cache, int certificates, long seed) throws IOException {
        Path dir = cache.resolve("estate-" + certificates + "-seed-" + seed);
        if (Files.exists(dir.resolve(DONE))) {
            return dir;
        }
        if (Files.exists(dir)) {
            deleteTree(dir);
        }
        Files.createDirectories(dir);
        try {
            new EstateGenerator(Shape.of(certificates), seed, dir).writeAll();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make ECDSA keys or signatures: "
                    + e.getMessage(), e);
        }
        Files.writeString(dir.resolve(DONE), "size " + certificates + ", seed " + seed + "\n");
        return dir;
    }

    /** The thumbprints of the CAs and the names of things the benchmark asks about. */
    public static Map<String, String> facts(Path dir) throws IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("facts.properties"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                facts.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return facts;
    }

    static String server(int s) {
        return String.format(Locale.ROOT, "srv%05d.%s", s, DOMAIN);
    }

    static String pool(int p) {
        return String.format(Locale.ROOT, "pool%04d.%s", p, DOMAIN);
    }

    private int poolOf(int server) {
        return server / (shape.servers() / shape.pools());
    }

    private String site(int pool) {
        return "Site" + (pool % shape.sites());
    }

    private void writeAll() throws IOException, GeneralSecurityException {
        Path cas = Files.createDirectories(dir.resolve("1-ca-certificates"));
        for (Ca ca : List.of(oldRoot, newRoot, issuing.get(0), issuing.get(1), issuing.get(2),
                issuing.get(3))) {
            Files.write(cas.resolve(slug(ca.name()) + ".cer"), ca.der());
        }
        Map<String, String> serverOld = new LinkedHashMap<>();
        Map<String, String> serverNew = new LinkedHashMap<>();
        writeDumps(serverOld, serverNew);
        writeTopology();
        writeStores();
        writeAssignments(serverOld);
        writeWebService();
        writePhones();
        writeKnowledge();
        StringBuilder facts = new StringBuilder();
        facts.append("oldRoot=").append(oldRoot.sha1()).append('\n');
        facts.append("newRoot=").append(newRoot.sha1()).append('\n');
        facts.append("oldIssuing=").append(issuing.get(0).sha1()).append('\n');
        facts.append("pool=").append(pool(0)).append('\n');
        for (int s = 0; s < shape.servers() / shape.pools(); s++) {
            facts.append("newCert.").append(server(s)).append('=')
                    .append(serverNew.get(server(s))).append('\n');
        }
        Files.writeString(dir.resolve("facts.properties"), facts.toString());
    }

    // ------------------------------------------------------------------ certificates

    private Ca ca(String name, Ca issuer, KeyPair keys, String algorithm)
            throws GeneralSecurityException {
        String subject = "CN=" + name + ", O=Bench, C=US";
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    x500(issuer == null ? subject : issuer.subject()),
                    BigInteger.valueOf(1000 + name.length()), Date.from(CA_FROM),
                    Date.from(CA_TO), x500(subject), keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false,
                    ext.createSubjectKeyIdentifier(keys.getPublic()));
            if (issuer != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(issuer.keys().getPublic()));
            }
            PrivateKey signer = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
            String issuerAlgorithm = issuer == null ? algorithm : issuer.algorithm();
            byte[] der = b.build(signer(issuerAlgorithm, signer)).getEncoded();
            return new Ca(name, subject, keys, algorithm, der, sha1(der));
        } catch (IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /**
     * A signer with deterministic ECDSA (RFC 6979): the same key and bytes give the same
     * signature, so the estate is the same on every run. The result is an ordinary ECDSA
     * signature with the usual algorithm identifier.
     */
    private ContentSigner signer(String algorithm, PrivateKey key)
            throws org.bouncycastle.operator.OperatorCreationException {
        boolean sha1 = algorithm.startsWith("SHA1");
        AlgorithmIdentifier id = new AlgorithmIdentifier(sha1
                ? X9ObjectIdentifiers.ecdsa_with_SHA1 : X9ObjectIdentifiers.ecdsa_with_SHA256);
        try {
            Signature signature = Signature.getInstance(algorithm, provider);
            signature.initSign(key);
            return new ContentSigner() {
                private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return id;
                }

                @Override
                public OutputStream getOutputStream() {
                    buffer.reset();
                    return buffer;
                }

                @Override
                public byte[] getSignature() {
                    try {
                        signature.update(buffer.toByteArray());
                        return signature.sign();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        } catch (GeneralSecurityException e) {
            throw new org.bouncycastle.operator.OperatorCreationException(e.getMessage(), e);
        }
    }

    /** One dump per issuing CA, written in parallel; server certificates come first. */
    private void writeDumps(Map<String, String> serverOld, Map<String, String> serverNew)
            throws IOException {
        Path adcs = Files.createDirectories(dir.resolve("2-adcs"));
        int others = Math.max(0, shape.certificates() - 2 * shape.servers());
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<Map<String, String>>> results = new ArrayList<>();
            for (int c = 0; c < issuing.size(); c++) {
                int index = c;
                results.add(pool.submit(() -> writeDump(adcs, index, others)));
            }
            for (int c = 0; c < results.size(); c++) {
                Map<String, String> servers = results.get(c).get();
                (c < 2 ? serverOld : serverNew).putAll(servers);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Writes the dump of issuing CA {@code c}; returns server FQDN → certificate thumbprint. */
    private Map<String, String> writeDump(Path adcs, int c, int others) throws Exception {
        Ca ca = issuing.get(c);
        Random random = new Random(seed * 31 + c);
        ContentSigner signer = signer(ca.algorithm(), ca.keys().getPrivate());
        var aki = ext.createAuthorityKeyIdentifier(ca.keys().getPublic());
        X500Name issuerName = x500(ca.subject());
        Map<String, String> servers = new LinkedHashMap<>();
        Path file = adcs.resolve("adcs-" + slug(ca.name()) + ".csv");
        try (AdcsDumpWriter out = AdcsDumpWriter.create(file, AdcsDumpWriter.Language.ENGLISH,
                StandardCharsets.UTF_8)) {
            out.write(new AdcsDumpWriter.Row(1, "BENCH\\Administrator", ca.name(), null,
                    ca.der(), CA_CERTIFICATE, null));
            long id = 2;
            boolean old = c < 2;
            for (int s = c % 2; s < shape.servers(); s += 2) {
                String fqdn = server(s);
                List<String> names = List.of(fqdn, pool(poolOf(s)), "sip." + DOMAIN);
                byte[] der = leaf(random, "CN=" + fqdn, names, signer, aki, issuerName);
                out.write(new AdcsDumpWriter.Row(id++, "BENCH\\" + fqdn.substring(0, 8)
                        .toUpperCase(Locale.ROOT) + "$", fqdn, "LyncServer", der,
                        AdcsDumpWriter.ISSUED, null));
                servers.put(fqdn, sha1(der));
            }
            for (int i = c; i < others; i += issuing.size()) {
                String host = String.format(Locale.ROOT, "host%07d.%s", i, DOMAIN);
                byte[] der = leaf(random, "CN=" + host, List.of(host), signer, aki, issuerName);
                out.write(new AdcsDumpWriter.Row(id++, "BENCH\\user" + (i % 5000), host,
                        "WebServer", der, AdcsDumpWriter.ISSUED, null));
            }
            if (old) {
                out.write(new AdcsDumpWriter.Row(id, "BENCH\\user1", null, "WebServer", null,
                        AdcsDumpWriter.FAILED, null));
            }
        }
        return servers;
    }

    private byte[] leaf(Random random, String subject, List<String> names, ContentSigner signer,
                        org.bouncycastle.asn1.x509.AuthorityKeyIdentifier aki,
                        X500Name issuer) throws IOException {
        byte[] serial = new byte[10];
        random.nextBytes(serial);
        serial[0] = (byte) (0x10 | (serial[0] & 0x6F));
        PublicKey key = leafKeys.get(random.nextInt(leafKeys.size())).getPublic();
        Instant from = LEAF_FROM.plusSeconds(random.nextInt(86_400 * 200));
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(1, serial), Date.from(from), Date.from(LEAF_TO), x500(subject),
                key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth,
                    KeyPurposeId.id_kp_clientAuth}));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.stream()
                .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
        b.addExtension(Extension.authorityKeyIdentifier, false, aki);
        return b.build(signer).getEncoded();
    }

    // ------------------------------------------------------------------ the estate

    private void writeTopology() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("3-topology"));
        int perPool = shape.servers() / shape.pools();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int p = 0; p < shape.pools(); p++) {
            String pool = pool(p);
            List<String> computers = new ArrayList<>();
            for (int s = p * perPool; s < (p + 1) * perPool; s++) {
                computers.add(server(s));
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("Identity", pool);
            record.put("Services", List.of("Registrar:" + pool, "WebServer:" + pool,
                    "UserServer:" + pool));
            record.put("Computers", computers);
            record.put("Fqdn", pool);
            record.put("Site", "Site:" + site(p));
            records.add(record);
        }
        Files.write(folder.resolve("pools.txt"), CertStoreExportWriter.bytes(
                CmdletOutputWriter.list(records, 4096), true));
    }

    private void writeStores() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("4-stores"));
        int perPool = shape.servers() / shape.pools();
        for (int p = 0; p < shape.pools(); p += 10) {
            String server = server(p * perPool);
            writeStore(folder, server, "Root", List.of(oldRoot, newRoot));
            writeStore(folder, server, "CA", issuing);
        }
    }

    private void writeStore(Path folder, String server, String store, List<Ca> cas)
            throws IOException {
        List<CertStoreExportWriter.Entry> entries = new ArrayList<>();
        for (Ca ca : cas) {
            entries.add(new CertStoreExportWriter.Entry(ca.sha1(), ca.subject(), ca.subject(),
                    CA_FROM, CA_TO, ca.der()));
        }
        Files.write(folder.resolve(server + "-" + store + ".json"), CertStoreExportWriter.bytes(
                CertStoreExportWriter.json(store, entries), false));
    }

    private void writeAssignments(Map<String, String> serverOld) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("5-assignments"));
        for (int first = 0; first < shape.servers(); first += SERVERS_PER_CHUNK) {
            int last = Math.min(shape.servers(), first + SERVERS_PER_CHUNK);
            Path file = folder.resolve(String.format(Locale.ROOT, "servers-%05d.yaml",
                    first / SERVERS_PER_CHUNK));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("certgraph-inventory: 1\nservers:\n");
                for (int s = first; s < last; s++) {
                    out.write("  - fqdn: " + server(s) + "\n");
                }
                out.write("assignments:\n");
                for (int s = first; s < last; s++) {
                    for (String use : USES) {
                        out.write("  - {server: " + server(s) + ", use: " + use
                                + ", thumbprint: " + serverOld.get(server(s)) + "}\n");
                    }
                }
                if (first == 0) {
                    out.write("trustLists:\n  - id: " + SHARED_LIST + "\n    entries:\n"
                            + "      - {thumbprint: " + oldRoot.sha1() + ", store: Root}\n"
                            + "      - {thumbprint: " + newRoot.sha1() + ", store: Root}\n");
                }
                out.write("relyingParties:\n");
                for (int s = first; s < last; s++) {
                    out.write("  - {server: " + server(s) + ", connectsTo: [Registrar:"
                            + pool((poolOf(s) + 1) % shape.pools()) + "], validatesWith: ["
                            + SHARED_LIST + "]}\n");
                }
            }
        }
    }

    private void writeWebService() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("6-webservice"));
        List<Map<String, Object>> records = new ArrayList<>();
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("Identity", "Global");
        global.put("TrustedCACerts", List.of(entry(oldRoot, "TrustedRootCA"),
                entry(issuing.get(0), "IntermediateCA")));
        records.add(global);
        for (int s = 1; s < shape.sites(); s += 2) {
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("Identity", "Site:Site" + s);
            site.put("TrustedCACerts", List.of(entry(oldRoot, "TrustedRootCA"),
                    entry(newRoot, "TrustedRootCA")));
            records.add(site);
        }
        Files.write(folder.resolve("webservice.json"), CmdletOutputWriter.json(records)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> entry(Ca ca, String store) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("Thumbprint", ca.sha1());
        entry.put("CAStore", store);
        return entry;
    }

    /** Half the phones one row each, in files of 20,000; the other half as groups. */
    private void writePhones() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("7-phones"));
        Random random = new Random(seed * 17 + 5);
        int individual = shape.phones() / 2;
        for (int first = 0; first < individual; first += PHONES_PER_FILE) {
            int last = Math.min(individual, first + PHONES_PER_FILE);
            List<PhoneInventoryWriter.Phone> phones = new ArrayList<>();
            for (int i = first; i < last; i++) {
                int model = random.nextInt(PHONE_MODELS.length);
                phones.add(new PhoneInventoryWriter.Phone(String.format(Locale.ROOT,
                        "sip:user%07d@%s", i, DOMAIN), PHONE_MODELS[model],
                        firmware(model, random), pool(random.nextInt(shape.pools()))));
            }
            PhoneInventoryWriter.writePhones(folder.resolve(String.format(Locale.ROOT,
                    "phones-%03d.csv", first / PHONES_PER_FILE)), phones);
        }
        List<PhoneInventoryWriter.Group> groups = new ArrayList<>();
        int grouped = shape.phones() - individual;
        int perGroup = Math.max(1, grouped / (shape.pools() * 4));
        int left = grouped;
        for (int p = 0; left > 0; p = (p + 1) % shape.pools()) {
            int model = random.nextInt(PHONE_MODELS.length);
            int n = Math.min(left, perGroup);
            groups.add(new PhoneInventoryWriter.Group(PHONE_MODELS[model],
                    firmware(model, random), pool(p), n));
            left -= n;
        }
        PhoneInventoryWriter.writeGroups(folder.resolve("phone-groups.csv"), groups);
    }

    private static String firmware(int model, Random random) {
        if (model == 2) {
            return VVX_FIRMWARE;
        }
        return random.nextInt(3) == 0 ? NEW_FIRMWARE : OLD_FIRMWARE;
    }

    private void writeKnowledge() throws IOException {
        String source = "    source: benchmark estate\n";
        Files.writeString(dir.resolve("site-knowledge.yaml"), "certgraph-knowledge: 1\n"
                + "settings:\n"
                + "  lpeSha256FromVersion:\n    value: 4.0.7577.4444\n" + source
                + "  lpeKeys:\n    value: [RSA-2048, ECDSA-P256]\n" + source
                + "  polycomUcsSignatureHashes:\n    value: [SHA1, SHA256]\n" + source
                + "  polycomUcsKeys:\n    value: [RSA-2048, ECDSA-P256]\n" + source,
                StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ helpers

    private static X500Name x500(String name) {
        return X500Name.getInstance(new X500Principal(name).getEncoded());
    }

    static String sha1(byte[] der) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(der);
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
