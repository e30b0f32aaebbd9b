package org.certgraph.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.certgraph.samples.SamplePki.Issued;
import org.certgraph.samples.SamplePki.Template;

/**
 * Writes the sample estate of the story in DESIGN.md section 2: Contoso moves its Skype for
 * Business servers from an old PKI that signs with SHA-1 to a new one that signs with SHA-256.
 * Every file is in the format a real export has (see importers/*.md) and every certificate is
 * real: RSA 2048 keys and real signatures, made afresh on each run, so the bytes and thumbprints
 * change whenever the estate is generated again.
 *
 * <p>What is written: the six CA certificates; each server's Root, CA and My stores; each
 * server's Get-CsCertificate assignments (all on the old PKI, the new certificates only staged
 * in My); Get-CsPool, Get-CsWebServiceConfiguration (trusting only the old root and one old
 * issuing CA) and Get-CsDeviceUpdateRule; the AD CS databases of the two issuing CAs that
 * issued the servers' certificates; the templates and what each issuing CA publishes; the desk
 * phones of both pools; and the site's firmware knowledge.
 *
 * <p>Run {@code java -cp target/certgraph.jar org.certgraph.samples.SampleEstate FOLDER}.
 */
public final class SampleEstate {

    public static final String DOMAIN = "contoso.com";
    public static final String SITE = "Redmond";

    public static final String OLD_ROOT = "CN=Contoso Root CA, O=Contoso, C=US";
    public static final String OLD_ISSUING_1 = "CN=Contoso Issuing CA 1, O=Contoso, C=US";
    public static final String OLD_ISSUING_2 = "CN=Contoso Issuing CA 2, O=Contoso, C=US";
    public static final String NEW_ROOT = "CN=Contoso Root CA G2, O=Contoso, C=US";
    public static final String NEW_ISSUING_1 = "CN=Contoso Issuing CA G2-1, O=Contoso, C=US";
    public static final String NEW_ISSUING_2 = "CN=Contoso Issuing CA G2-2, O=Contoso, C=US";
    public static final String FABRIKAM_ROOT = "CN=Fabrikam Public Root, O=Fabrikam, C=US";
    public static final String NORTHWIND_ROOT =
            "CN=Northwind Global Root, O=Northwind Traders, C=US";

    public static final String REHEARSAL_POOL = "rehearsal.contoso.com";
    public static final String FRONT_END_POOL = "pool01.contoso.com";
    /** Each pool with its servers, rehearsal pool first. */
    public static final Map<String, List<String>> POOLS = pools();

    public static final String OAUTH_SUBJECT = "CN=oauth.contoso.com";
    /** The uses each server assigns its old-PKI server certificate to. */
    public static final List<String> SERVER_USES = List.of("Default", "WebServicesInternal",
            "WebServicesExternal");
    public static final String OAUTH_USE = "OAuthTokenIssuer";
    /** The services Get-CsPool lists for each pool, by role. */
    public static final List<String> ROLES = List.of("UserServer", "Registrar", "WebServer",
            "ConferencingServer", "ApplicationServer");

    /** The Lync Phone Edition build the device update rules approve. */
    public static final String APPROVED_FIRMWARE = "4.0.7577.4455";
    public static final String OLD_FIRMWARE = "4.0.7577.4420";
    public static final String VVX_FIRMWARE = "5.9.5.0614";

    public static final String KNOWLEDGE_SOURCE = "site decision (sample estate)";

    static final Instant CA_FROM = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant CA_TO = Instant.parse("2036-01-01T00:00:00Z");
    static final Instant SERVER_FROM = Instant.parse("2025-06-01T00:00:00Z");
    static final Instant SERVER_TO = Instant.parse("2031-06-01T00:00:00Z");
    /** The Web Server template is version 1 and issues for two years. */
    static final Instant WEB_TO = Instant.parse("2027-06-01T00:00:00Z");
    static final Instant REVOKED_AT = Instant.parse("2025-09-17T14:32:00Z");

    /** The forest part of the template OIDs. */
    private static final String FOREST_OID =
            "1.3.6.1.4.1.311.21.8.4718263.11503245.1620838.8827563.9837419.94";
    static final Template LYNC_SERVER = new Template("LyncServer",
            FOREST_OID + ".26518794.43297116");
    static final Template OAUTH_TOKEN_ISSUER = new Template("OAuthTokenIssuer",
            FOREST_OID + ".31042958.75310394");
    static final Template WEB_SERVER = new Template("WebServer", null);
    private static final String WEB_SERVER_OID = FOREST_OID + ".1.16";

    /** The disposition of a CA's own certificate in its database. */
    private static final int CA_CERTIFICATE = 15;

    private static final List<String> SHARED_NAMES = List.of("sip." + DOMAIN,
            "lyncdiscoverinternal." + DOMAIN, "meet." + DOMAIN, "dialin." + DOMAIN);

    private static final DateTimeFormatter US_DATE = DateTimeFormatter
            .ofPattern("M/d/yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** How a server's exports were saved. */
    private enum Shape { LIST_UTF16, CSV_TYPED_UTF16, CSV_UTF8, JSON }

    private final Path dir;
    private final Issued oldRoot;
    private final Issued oldIssuing1;
    private final Issued oldIssuing2;
    private final Issued newRoot;
    private final Issued newIssuing1;
    private final Issued newIssuing2;
    private final Issued fabrikamRoot;
    private final Issued northwindRoot;
    private final Issued oldOauth;
    private final Issued newOauth;
    private final Issued revokedWeb;
    private final Map<String, Issued> oldServer = new LinkedHashMap<>();
    private final Map<String, Issued> newServer = new LinkedHashMap<>();

    private SampleEstate(Path dir) {
        this.dir = dir;
        SamplePki pki = new SamplePki();
        oldRoot = pki.root(OLD_ROOT, SamplePki.SHA1_RSA, CA_FROM, CA_TO);
        oldIssuing1 = pki.subordinate(OLD_ISSUING_1, oldRoot, SamplePki.SHA1_RSA, CA_FROM,
                CA_TO);
        oldIssuing2 = pki.subordinate(OLD_ISSUING_2, oldRoot, SamplePki.SHA1_RSA, CA_FROM,
                CA_TO);
        newRoot = pki.root(NEW_ROOT, SamplePki.SHA256_RSA, CA_FROM, CA_TO);
        newIssuing1 = pki.subordinate(NEW_ISSUING_1, newRoot, SamplePki.SHA256_RSA, CA_FROM,
                CA_TO);
        newIssuing2 = pki.subordinate(NEW_ISSUING_2, newRoot, SamplePki.SHA256_RSA, CA_FROM,
                CA_TO);
        fabrikamRoot = pki.root(FABRIKAM_ROOT, SamplePki.SHA256_RSA, CA_FROM, CA_TO);
        northwindRoot = pki.root(NORTHWIND_ROOT, SamplePki.SHA256_RSA, CA_FROM, CA_TO);
        List<String> oauthNames = List.of("oauth." + DOMAIN);
        oldOauth = pki.leaf(OAUTH_SUBJECT, oauthNames, OAUTH_TOKEN_ISSUER, false, oldIssuing1,
                SamplePki.SHA1_RSA, SERVER_FROM, SERVER_TO);
        newOauth = pki.leaf(OAUTH_SUBJECT, oauthNames, OAUTH_TOKEN_ISSUER, false, newIssuing1,
                SamplePki.SHA256_RSA, SERVER_FROM, SERVER_TO);
        revokedWeb = pki.leaf("CN=lyncweb." + DOMAIN, List.of("lyncweb." + DOMAIN), WEB_SERVER,
                false, oldIssuing1, SamplePki.SHA1_RSA, SERVER_FROM, WEB_TO);
        POOLS.forEach((pool, servers) -> {
            for (String server : servers) {
                List<String> names = new ArrayList<>(List.of(server, pool));
                names.addAll(SHARED_NAMES);
                oldServer.put(server, pki.leaf("CN=" + server, names, LYNC_SERVER, true,
                        oldIssuing1, SamplePki.SHA1_RSA, SERVER_FROM, SERVER_TO));
                newServer.put(server, pki.leaf("CN=" + server, names, LYNC_SERVER, true,
                        newIssuing1, SamplePki.SHA256_RSA, SERVER_FROM, SERVER_TO));
            }
        });
    }

    /** Writes the estate into {@code dir}, creating it when needed; files there are replaced. */
    public static void generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        new SampleEstate(dir).writeAll();
    }

    /** Writes the estate into the folder named by the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SampleEstate FOLDER  (writes the sample estate there,"
                    + " e.g. importers/samples)");
            System.exit(2);
        }
        generate(Path.of(args[0]));
        System.out.println("The sample estate was written to " + args[0] + ".");
    }

    /** Every server of every pool, rehearsal pool first. */
    public static List<String> servers() {
        return POOLS.values().stream().flatMap(List::stream).toList();
    }

    private static Map<String, List<String>> pools() {
        Map<String, List<String>> pools = new LinkedHashMap<>();
        pools.put(REHEARSAL_POOL, List.of("rfe01." + DOMAIN, "rfe02." + DOMAIN));
        pools.put(FRONT_END_POOL, List.of("fe01." + DOMAIN, "fe02." + DOMAIN));
        return Collections.unmodifiableMap(pools);
    }

    private void writeAll() throws IOException {
        writeCaCertificates();
        // rfe01, rfe02, fe01, fe02: each administrator saved the exports their own way, and
        // rfe02's Get-CsCertificate shows its OAuth use with the urn:certref: prefix.
        List<Shape> storeShapes = List.of(Shape.CSV_TYPED_UTF16, Shape.JSON, Shape.CSV_UTF8,
                Shape.JSON);
        List<Shape> assignmentShapes = List.of(Shape.LIST_UTF16, Shape.CSV_UTF8, Shape.JSON,
                Shape.LIST_UTF16);
        List<String> servers = servers();
        for (int i = 0; i < servers.size(); i++) {
            writeStores(servers.get(i), storeShapes.get(i));
            writeAssignments(servers.get(i), assignmentShapes.get(i), i == 1);
        }
        writePools();
        writeWebService();
        writeDeviceUpdateRules();
        writeTemplates();
        writeCaTemplates("ca01." + DOMAIN, oldIssuing1);
        writeCaTemplates("ca02." + DOMAIN, oldIssuing2);
        writeCaTemplates("ca11." + DOMAIN, newIssuing1);
        writeCaTemplates("ca12." + DOMAIN, newIssuing2);
        writeOldCaDatabase();
        writeNewCaDatabase();
        writePhones();
        writeKnowledge();
    }

    // ------------------------------------------------------------------ CA certificates

    /** The six CA certificates as an administrator saves them from the console: DER or
     *  Base64 (PEM with CRLF), alternately. */
    private void writeCaCertificates() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("ca-certificates"));
        List<Issued> cas = List.of(oldRoot, oldIssuing1, oldIssuing2, newRoot, newIssuing1,
                newIssuing2);
        for (int i = 0; i < cas.size(); i++) {
            Issued ca = cas.get(i);
            Path file = folder.resolve(slug(commonName(ca.subject())) + ".cer");
            Files.write(file, i % 2 == 0 ? ca.der() : pem(ca.der()).getBytes(
                    StandardCharsets.US_ASCII));
        }
    }

    // ----------------------------------------------------------------- server stores

    private void writeStores(String server, Shape shape) throws IOException {
        Map<String, List<Issued>> stores = new LinkedHashMap<>();
        stores.put("Root", List.of(oldRoot, newRoot, fabrikamRoot, northwindRoot));
        stores.put("CA", List.of(oldIssuing1, oldIssuing2, newIssuing1, newIssuing2));
        stores.put("My", List.of(oldServer.get(server), newServer.get(server), oldOauth,
                newOauth));
        for (Map.Entry<String, List<Issued>> store : stores.entrySet()) {
            List<CertStoreExportWriter.Entry> entries = store.getValue().stream()
                    .map(c -> new CertStoreExportWriter.Entry(c.sha1(), c.subject(),
                            c.issuer(), c.facts().notBefore(), c.facts().notAfter(), c.der()))
                    .toList();
            String name = server + "-" + store.getKey();
            switch (shape) {
                case JSON -> Files.write(dir.resolve(name + ".json"),
                        CertStoreExportWriter.bytes(CertStoreExportWriter.json(store.getKey(),
                                entries), false));
                case CSV_TYPED_UTF16 -> Files.write(dir.resolve(name + ".csv"),
                        CertStoreExportWriter.bytes(CertStoreExportWriter.csv(store.getKey(),
                                entries, true), true));
                default -> Files.write(dir.resolve(name + ".csv"), utf8WithBom(
                        CertStoreExportWriter.csv(store.getKey(), entries, false)));
            }
        }
    }

    // ------------------------------------------------------------ Get-CsCertificate

    private void writeAssignments(String server, Shape shape, boolean certRefUse)
            throws IOException {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String use : SERVER_USES) {
            records.add(assignment(oldServer.get(server), use, shape));
        }
        records.add(assignment(oldOauth, certRefUse ? "urn:certref:" + OAUTH_USE : OAUTH_USE,
                shape));
        String name = server + "-certificates";
        switch (shape) {
            case LIST_UTF16 -> Files.write(dir.resolve(name + ".txt"), CertStoreExportWriter
                    .bytes(CmdletOutputWriter.list(records, 4096), true));
            case JSON -> Files.write(dir.resolve(name + ".json"),
                    CmdletOutputWriter.json(records).getBytes(StandardCharsets.UTF_8));
            default -> Files.write(dir.resolve(name + ".csv"),
                    utf8WithBom(CmdletOutputWriter.csv(records, null)));
        }
    }

    /** One certificate use as Get-CsCertificate shows it (the list view shows every
     *  property; the JSON and CSV commands of importers/skype.md select some). */
    private static Map<String, Object> assignment(Issued cert, String use, Shape shape) {
        Map<String, Object> record = new LinkedHashMap<>();
        if (shape == Shape.LIST_UTF16) {
            record.put("Issuer", cert.issuer());
            record.put("NotAfter", US_DATE.format(cert.facts().notAfter()));
            record.put("NotBefore", US_DATE.format(cert.facts().notBefore()));
            record.put("SerialNumber", cert.facts().serialNumber());
            record.put("Subject", cert.subject());
            record.put("AlternativeNames", cert.facts().dnsNames());
            record.put("Thumbprint", cert.sha1());
            record.put("EffectiveDate", null);
            record.put("PreviousThumbprint", null);
            record.put("UpdateTime", null);
            record.put("Use", use);
            record.put("SourceScope", use.endsWith(OAUTH_USE) ? "Global" : "LocalStore");
            return record;
        }
        DateTimeFormatter dates = shape == Shape.JSON ? ISO_DATE : US_DATE;
        record.put("Use", use);
        record.put("Thumbprint", cert.sha1());
        record.put("Subject", cert.subject());
        record.put("Issuer", cert.issuer());
        record.put("SerialNumber", cert.facts().serialNumber());
        record.put("NotBefore", dates.format(cert.facts().notBefore()));
        record.put("NotAfter", dates.format(cert.facts().notAfter()));
        record.put("AlternativeNames", cert.facts().dnsNames());
        return record;
    }

    // --------------------------------------------------------- topology and settings

    private void writePools() throws IOException {
        List<Map<String, Object>> records = new ArrayList<>();
        POOLS.forEach((pool, servers) -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("Identity", pool);
            record.put("Services", ROLES.stream().map(role -> role + ":" + pool).toList());
            record.put("Computers", servers);
            record.put("Fqdn", pool);
            record.put("Site", "Site:" + SITE);
            records.add(record);
        });
        Files.write(dir.resolve("pools.txt"), CertStoreExportWriter.bytes(
                CmdletOutputWriter.list(records, 4096), true));
    }

    private void writeWebService() throws IOException {
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("Identity", "Global");
        global.put("InferCertChainFromSSL", Boolean.FALSE);
        global.put("TrustedCACerts", List.of(caCert(oldRoot, "TrustedRootCA"),
                caCert(oldIssuing1, "IntermediateCA")));
        Files.write(dir.resolve("webservice.json"), CmdletOutputWriter.json(List.of(global))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> caCert(Issued ca, String store) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("Thumbprint", ca.sha1());
        entry.put("CAStore", store);
        return entry;
    }

    private void writeDeviceUpdateRules() throws IOException {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String pool : POOLS.keySet()) {
            for (String[] model : List.of(new String[] {"HP", "4120"},
                    new String[] {"HP", "4110"}, new String[] {"Polycom", "CX600"})) {
                String service = "service:WebServer:" + pool;
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("Identity", service + "/" + UUID.nameUUIDFromBytes((service
                        + model[0] + model[1]).getBytes(StandardCharsets.UTF_8)));
                record.put("Brand", model[0]);
                record.put("Model", model[1]);
                record.put("Revision", "A");
                record.put("DeviceType", "UCPhone");
                record.put("Locale", "ENU");
                record.put("ApprovedVersion", APPROVED_FIRMWARE);
                record.put("PendingVersion", "");
                records.add(record);
            }
        }
        Files.write(dir.resolve("device-update-rules.csv"),
                utf8WithBom(CmdletOutputWriter.csv(records, null)));
    }

    // ------------------------------------------------------------------ templates

    private void writeTemplates() throws IOException {
        List<String> serverAuth = List.of("1.3.6.1.5.5.7.3.1");
        List<TemplatesWriter.Template> templates = List.of(
                new TemplatesWriter.Template(LYNC_SERVER.name(), LYNC_SERVER.name(),
                        LYNC_SERVER.oid(), 2, 2048,
                        List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), "6 Years"),
                new TemplatesWriter.Template(OAUTH_TOKEN_ISSUER.name(), OAUTH_TOKEN_ISSUER.name(),
                        OAUTH_TOKEN_ISSUER.oid(), 2, 2048, serverAuth, "6 Years"),
                new TemplatesWriter.Template(WEB_SERVER.name(), "Web Server", WEB_SERVER_OID, 1,
                        2048, serverAuth, "2 Years"));
        try (Writer out = utf16Writer(dir.resolve("templates.txt"))) {
            TemplatesWriter.write(out, templates);
        }
    }

    /** certutil -CATemplates as a console transcript that shows the command, which names
     *  the CA, so the file imports without --authority. */
    private void writeCaTemplates(String host, Issued ca) throws IOException {
        String name = commonName(ca.subject());
        String text = "PS> certutil -config \"" + host + "\\" + name + "\" -CATemplates\r\n"
                + LYNC_SERVER.name() + ": " + LYNC_SERVER.name()
                + " -- Auto-Enroll: Access is denied.\r\n"
                + OAUTH_TOKEN_ISSUER.name() + ": " + OAUTH_TOKEN_ISSUER.name()
                + " -- Auto-Enroll: Access is denied.\r\n"
                + WEB_SERVER.name() + ": Web Server -- Auto-Enroll: Access is denied.\r\n"
                + "CertUtil: -CATemplates command completed successfully.\r\n";
        Files.writeString(dir.resolve("ca-templates-" + slug(name) + ".txt"), text,
                StandardCharsets.UTF_8);
    }

    // --------------------------------------------------------------- CA databases

    /** Contoso Issuing CA 1 (English server, UTF-16 as Windows PowerShell redirects it): its
     *  own certificate, the servers' old certificates, a revoked one, a pending and a failed
     *  request. */
    private void writeOldCaDatabase() throws IOException {
        Path file = dir.resolve("adcs-" + slug(commonName(OLD_ISSUING_1)) + ".csv");
        try (AdcsDumpWriter out = AdcsDumpWriter.create(file, AdcsDumpWriter.Language.ENGLISH,
                StandardCharsets.UTF_16LE)) {
            out.write(caCertificateRow(oldIssuing1));
            long id = 2;
            out.write(new AdcsDumpWriter.Row(id++, "CONTOSO\\lyncadmin", "lyncweb." + DOMAIN,
                    WEB_SERVER.name(), revokedWeb.der(), AdcsDumpWriter.REVOKED, REVOKED_AT));
            id = writeServerRows(out, id, oldServer, oldOauth);
            out.write(new AdcsDumpWriter.Row(id++, "CONTOSO\\FE02$", null, cell(LYNC_SERVER),
                    null, AdcsDumpWriter.PENDING, null));
            out.write(new AdcsDumpWriter.Row(id, "CONTOSO\\lyncadmin", null, cell(WEB_SERVER),
                    null, AdcsDumpWriter.FAILED, null));
        }
    }

    /** Contoso Issuing CA G2-1 (German server, UTF-8): its own certificate and the new
     *  certificates staged on the servers. */
    private void writeNewCaDatabase() throws IOException {
        Path file = dir.resolve("adcs-" + slug(commonName(NEW_ISSUING_1)) + ".csv");
        try (AdcsDumpWriter out = AdcsDumpWriter.create(file, AdcsDumpWriter.Language.GERMAN,
                StandardCharsets.UTF_8)) {
            out.write(caCertificateRow(newIssuing1));
            writeServerRows(out, 3, newServer, newOauth);
        }
    }

    /** The row of the CA's own certificate (disposition 15), which names the CA's
     *  certificate whatever order the files are imported in. */
    private static AdcsDumpWriter.Row caCertificateRow(Issued ca) {
        return new AdcsDumpWriter.Row(1, "CONTOSO\\Administrator", commonName(ca.subject()),
                null, ca.der(), CA_CERTIFICATE, null);
    }

    private static long writeServerRows(AdcsDumpWriter out, long firstId,
                                        Map<String, Issued> servers, Issued oauth)
            throws IOException {
        long id = firstId;
        for (Map.Entry<String, Issued> server : servers.entrySet()) {
            String account = server.getKey().substring(0, server.getKey().indexOf('.'))
                    .toUpperCase(Locale.ROOT);
            out.write(new AdcsDumpWriter.Row(id++, "CONTOSO\\" + account + "$", server.getKey(),
                    cell(LYNC_SERVER), server.getValue().der(), AdcsDumpWriter.ISSUED, null));
        }
        out.write(new AdcsDumpWriter.Row(id++, "CONTOSO\\lyncadmin", "oauth." + DOMAIN,
                cell(OAUTH_TOKEN_ISSUER), oauth.der(), AdcsDumpWriter.ISSUED, null));
        return id;
    }

    /** The Certificate Template cell: a version 1 template by name, later ones as
     *  "OID display name" (the display names of these templates are their names). */
    private static String cell(Template template) {
        return template.oid() == null ? template.name()
                : template.oid() + " " + template.name();
    }

    // --------------------------------------------------------------------- phones

    private void writePhones() throws IOException {
        PhoneInventoryWriter.writePhones(dir.resolve("phones-rehearsal.csv"), List.of(
                new PhoneInventoryWriter.Phone("sip:ana.ruiz@" + DOMAIN, "HP 4120",
                        OLD_FIRMWARE, REHEARSAL_POOL),
                new PhoneInventoryWriter.Phone("sip:ben.kowalski@" + DOMAIN, "HP 4120",
                        APPROVED_FIRMWARE, REHEARSAL_POOL),
                new PhoneInventoryWriter.Phone("sip:chen.li@" + DOMAIN, "HP 4120",
                        OLD_FIRMWARE, REHEARSAL_POOL)));
        PhoneInventoryWriter.writeGroups(dir.resolve("phones-pool01.csv"), List.of(
                new PhoneInventoryWriter.Group("HP 4120", OLD_FIRMWARE, FRONT_END_POOL, 40),
                new PhoneInventoryWriter.Group("HP 4120", APPROVED_FIRMWARE, FRONT_END_POOL, 10),
                new PhoneInventoryWriter.Group("HP 4110", OLD_FIRMWARE, FRONT_END_POOL, 25),
                new PhoneInventoryWriter.Group("Polycom CX600", OLD_FIRMWARE, FRONT_END_POOL,
                        15),
                new PhoneInventoryWriter.Group("Polycom VVX 411", VVX_FIRMWARE, FRONT_END_POOL,
                        20)));
    }

    private void writeKnowledge() throws IOException {
        String source = "    source: " + KNOWLEDGE_SOURCE + "\n";
        String text = "# What Contoso's own tests with one phone of each firmware showed; see\n"
                + "# importers/phones.md. Every value names its source.\n"
                + "certgraph-knowledge: 1\n"
                + "settings:\n"
                + "  lpeSha256FromVersion:\n"
                + "    value: 4.0.7577.4444\n" + source
                + "  lpeKeys:\n"
                + "    value: [RSA-1024, RSA-2048]\n" + source
                + "  polycomUcsSignatureHashes:\n"
                + "    value: [SHA1, SHA256]\n" + source
                + "  polycomUcsKeys:\n"
                + "    value: [RSA-2048]\n" + source;
        Files.writeString(dir.resolve("site-knowledge.yaml"), text, StandardCharsets.UTF_8);
    }

    // -------------------------------------------------------------------- helpers

    /** The first CN of a name written most specific part first. */
    static String commonName(String windowsName) {
        String first = windowsName.split(",")[0].strip();
        return first.startsWith("CN=") ? first.substring(3) : first;
    }

    /** "Contoso Issuing CA G2-1" → "contoso-issuing-ca-g2-1". */
    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\r\n"
                + Base64.getMimeEncoder(64, "\r\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\r\n-----END CERTIFICATE-----\r\n";
    }

    /** UTF-8 with a byte order mark, as Windows PowerShell 5.1 writes -Encoding UTF8. */
    private static byte[] utf8WithBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    /** A writer of UTF-16LE with a byte order mark, as Windows PowerShell 5.1 redirects. */
    private static Writer utf16Writer(Path file) throws IOException {
        OutputStream stream = Files.newOutputStream(file);
        stream.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        return new OutputStreamWriter(stream, StandardCharsets.UTF_16LE);
    }
}
