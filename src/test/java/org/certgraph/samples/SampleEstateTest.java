package org.certgraph.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certgraph.samples.SampleEstate.FRONT_END_POOL;
import static org.certgraph.samples.SampleEstate.NEW_ISSUING_1;
import static org.certgraph.samples.SampleEstate.NEW_ROOT;
import static org.certgraph.samples.SampleEstate.OLD_ISSUING_1;
import static org.certgraph.samples.SampleEstate.OLD_ROOT;
import static org.certgraph.samples.SampleEstate.REHEARSAL_POOL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.certgraph.core.CertGraph;
import org.certgraph.core.ImportProgress;
import org.certgraph.core.ImportReport;
import org.certgraph.core.ImportRequest;
import org.certgraph.sources.ReadOptions;
import org.certgraph.testing.TestNeo4j;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample estate (importers/samples) loads in one import without a single problem
 * and gives the graph of the story: two pools on the old PKI with the new certificates staged,
 * a web service that trusts only the old CAs, and phones on firmware of both sides of the line.
 */
class SampleEstateTest {

    private static final Path SAMPLES = Path.of("importers", "samples");
    private static final String OLD_OAUTH = "CN=oauth.contoso.com / Contoso Issuing CA 1";
    private static final String NEW_OAUTH = "CN=oauth.contoso.com / Contoso Issuing CA G2-1";

    @TempDir
    Path dir;

    private CertGraph graph;

    @BeforeEach
    void setUp() {
        graph = TestNeo4j.emptyGraph();
    }

    /** Everything in the folder except its README, which is no export. */
    private static List<Path> estateFiles(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().equals("README.md"))
                    .sorted().toList();
        }
    }

    private ImportReport importEstate(Path folder) throws Exception {
        return graph.importCertificates(new ImportRequest(estateFiles(folder), null, null, null,
                null, ReadOptions.NONE, null), ImportProgress.NONE);
    }

    private static Set<String> tuples(String cypher) {
        return new HashSet<>(TestNeo4j.strings(cypher));
    }

    /** A certificate as the tuples name it: its subject and its issuer's common name. */
    private static String cert(String subject, String issuer) {
        return subject + " / " + SampleEstate.commonName(issuer);
    }

    /** The name as the graph stores it (RFC 2253, no spaces after the commas). */
    private static String rfc(String windowsName) {
        return windowsName.replace(", ", ",");
    }

    @Test
    void theCommittedEstateLoadsWithoutProblems() throws Exception {
        ImportReport report = importEstate(SAMPLES);

        assertThat(report.problems()).isEmpty();
        assertThat(report.filesWithProblems()).isZero();
        assertThat(report.filesRead()).isEqualTo(34);
        assertThat(TestNeo4j.count("MATCH (c:Certificate) WHERE c.unresolved RETURN count(c)"))
                .isZero();
        assertThat(TestNeo4j.count("MATCH (c:Certificate) RETURN count(c)")).isEqualTo(19);
        assertThat(TestNeo4j.count("MATCH (c:Certificate) WHERE c.keyAlgorithm <> 'RSA'"
                + " OR c.keySize <> 2048 RETURN count(c)")).isZero();
    }

    @Test
    void theWholeFolderImportsWithoutProblemsPassingOverItsReadme() throws Exception {
        ImportReport report = graph.importCertificates(ImportRequest.of(List.of(SAMPLES)),
                ImportProgress.NONE);

        assertThat(report.problems()).isEmpty();
        assertThat(report.filesRead()).isEqualTo(34);
        assertThat(TestNeo4j.count("MATCH (c:Certificate) RETURN count(c)")).isEqualTo(19);
    }

    @Test
    void poolsServersAndServices() throws Exception {
        importEstate(SAMPLES);

        assertThat(tuples("MATCH (s:Server)-[:MEMBER_OF]->(p:Pool)"
                + " RETURN p.fqdn + ' ' + p.site + ' <- ' + s.fqdn + ' ' + s.site"))
                .containsExactlyInAnyOrder(
                        "rehearsal.contoso.com Redmond <- rfe01.contoso.com Redmond",
                        "rehearsal.contoso.com Redmond <- rfe02.contoso.com Redmond",
                        "pool01.contoso.com Redmond <- fe01.contoso.com Redmond",
                        "pool01.contoso.com Redmond <- fe02.contoso.com Redmond");
        assertThat(TestNeo4j.count("MATCH (p:Pool) RETURN count(p)")).isEqualTo(2);
        Set<String> services = new HashSet<>();
        for (String pool : List.of(REHEARSAL_POOL, FRONT_END_POOL)) {
            services.add("UserServer:" + pool + " Default");
            services.add("Registrar:" + pool + " Default");
            services.add("WebServer:" + pool + " WebServicesInternal");
            services.add("ConferencingServer:" + pool + " Default");
            services.add("ApplicationServer:" + pool + " Default");
        }
        assertThat(tuples("MATCH (svc:Service)-[:HOSTED_BY]->(p:Pool)"
                + " WHERE svc.pool = p.fqdn RETURN svc.id + ' ' + svc.use"))
                .isEqualTo(services);
        assertThat(TestNeo4j.count("MATCH (svc:Service) RETURN count(svc)")).isEqualTo(10);
    }

    @Test
    void everyServerUsesTheOldPkiForAllFourUses() throws Exception {
        importEstate(SAMPLES);

        Set<String> expected = new HashSet<>();
        for (String server : SampleEstate.servers()) {
            String old = cert(rfc("CN=" + server), OLD_ISSUING_1) + " SHA1";
            for (String use : SampleEstate.SERVER_USES) {
                expected.add(server + " " + use + " -> " + old);
            }
            expected.add(server + " OAuthTokenIssuer -> " + OLD_OAUTH + " SHA1");
        }
        assertThat(tuples("MATCH (s:Server)-[a:ASSIGNED]->(c:Certificate)"
                + " RETURN s.fqdn + ' ' + a.use + ' -> ' + c.subject + ' / '"
                + " + [(c)-[:ISSUED_BY]->(i) | split(split(i.subject, ',')[0], '=')[1]][0]"
                + " + ' ' + c.signatureHash"))
                .isEqualTo(expected);
        assertThat(TestNeo4j.count("MATCH (s:Server)-[a:ASSIGNED]->(c:Certificate)"
                + " WITH s, a.use AS use, count(c) AS n WHERE n <> 1 RETURN count(*)"))
                .isZero();
        assertThat(TestNeo4j.count("MATCH (:Server)-[:ASSIGNED]->(c:Certificate)"
                + " RETURN count(DISTINCT c)")).as("4 server certificates, 1 shared OAuth")
                .isEqualTo(5);
    }

    @Test
    void theWebServiceTrustsOnlyTheOldRootAndOneOldIssuingCa() throws Exception {
        importEstate(SAMPLES);

        assertThat(tuples("MATCH (t:TrustList {id: 'webservice:global'})-[r:TRUSTS]->(c)"
                + " RETURN t.kind + ' ' + c.subject + ' (' + r.store + ')'"))
                .containsExactlyInAnyOrder(
                        "webservice " + rfc(OLD_ROOT) + " (TrustedRootCA)",
                        "webservice " + rfc(OLD_ISSUING_1) + " (IntermediateCA)");
        assertThat(TestNeo4j.count("MATCH (t:TrustList {kind: 'webservice'}) RETURN count(t)"))
                .isEqualTo(1);
    }

    @Test
    void eachServerStoresBothPkisAndStagesTheNewCertificatesInMy() throws Exception {
        importEstate(SAMPLES);

        Set<String> expected = new HashSet<>();
        for (String server : SampleEstate.servers()) {
            String prefix = server + " store:" + server + ":";
            expected.add(prefix + "Root " + rfc(OLD_ROOT));
            expected.add(prefix + "Root " + rfc(NEW_ROOT));
            expected.add(prefix + "Root " + rfc(SampleEstate.FABRIKAM_ROOT));
            expected.add(prefix + "Root " + rfc(SampleEstate.NORTHWIND_ROOT));
            expected.add(prefix + "CA " + rfc(OLD_ISSUING_1));
            expected.add(prefix + "CA " + rfc(SampleEstate.OLD_ISSUING_2));
            expected.add(prefix + "CA " + rfc(NEW_ISSUING_1));
            expected.add(prefix + "CA " + rfc(SampleEstate.NEW_ISSUING_2));
            expected.add(prefix + "My " + cert("CN=" + server, OLD_ISSUING_1));
            expected.add(prefix + "My " + cert("CN=" + server, NEW_ISSUING_1));
            expected.add(prefix + "My " + OLD_OAUTH);
            expected.add(prefix + "My " + NEW_OAUTH);
        }
        assertThat(tuples("MATCH (s:Server)-[:HAS_STORE]->(t:TrustList)-[r:TRUSTS]->(c)"
                + " WHERE t.store = r.store"
                + " RETURN s.fqdn + ' ' + t.id + ' ' + CASE WHEN c:Leaf THEN c.subject + ' / '"
                + " + split(split(c.issuer, ',')[0], '=')[1] ELSE c.subject END"))
                .isEqualTo(expected);
    }

    @Test
    void theNewCertificatesAreStagedButNotAssigned() throws Exception {
        importEstate(SAMPLES);

        assertThat(tuples("MATCH (c:Certificate:Leaf)-[:ISSUED_BY]->(i {subject: '"
                + rfc(NEW_ISSUING_1) + "'}) WHERE NOT EXISTS { (:Server)-[:ASSIGNED]->(c) }"
                + " AND EXISTS { (:TrustList {store: 'My'})-[:TRUSTS]->(c) }"
                + " RETURN c.subject + ' ' + c.signatureHash"))
                .containsExactlyInAnyOrder("CN=rfe01.contoso.com SHA256",
                        "CN=rfe02.contoso.com SHA256", "CN=fe01.contoso.com SHA256",
                        "CN=fe02.contoso.com SHA256", "CN=oauth.contoso.com SHA256");
        for (String server : SampleEstate.servers()) {
            List<String> names = TestNeo4j.strings("MATCH (c:Certificate {subject: 'CN="
                    + server + "'}) UNWIND c.dnsNames AS n RETURN c.signatureHash + ' ' + n");
            String pool = server.startsWith("r") ? REHEARSAL_POOL : FRONT_END_POOL;
            List<String> sans = List.of(server, pool, "sip.contoso.com",
                    "lyncdiscoverinternal.contoso.com", "meet.contoso.com", "dialin.contoso.com");
            assertThat(names).containsExactlyInAnyOrderElementsOf(Stream.of("SHA1", "SHA256")
                    .flatMap(h -> sans.stream().map(n -> h + " " + n)).toList());
        }
    }

    @Test
    void serverCertificatesChainUpToTheirRoots() throws Exception {
        importEstate(SAMPLES);

        Set<String> expected = new HashSet<>();
        for (String server : SampleEstate.servers()) {
            expected.add("CN=" + server + " SHA1 > " + rfc(OLD_ISSUING_1) + " SHA1 > "
                    + rfc(OLD_ROOT) + " SHA1");
            expected.add("CN=" + server + " SHA256 > " + rfc(NEW_ISSUING_1) + " SHA256 > "
                    + rfc(NEW_ROOT) + " SHA256");
        }
        expected.add("CN=oauth.contoso.com SHA1 > " + rfc(OLD_ISSUING_1) + " SHA1 > "
                + rfc(OLD_ROOT) + " SHA1");
        expected.add("CN=oauth.contoso.com SHA256 > " + rfc(NEW_ISSUING_1) + " SHA256 > "
                + rfc(NEW_ROOT) + " SHA256");
        expected.add("CN=lyncweb.contoso.com SHA1 > " + rfc(OLD_ISSUING_1) + " SHA1 > "
                + rfc(OLD_ROOT) + " SHA1");
        assertThat(tuples("MATCH p = (c:Leaf)-[:ISSUED_BY*]->(r:Root)"
                + " RETURN reduce(s = '', n IN nodes(p) | s + CASE WHEN s = '' THEN ''"
                + " ELSE ' > ' END + n.subject + ' ' + n.signatureHash)"))
                .isEqualTo(expected);
        assertThat(tuples("MATCH (c:CA)-[:ISSUED_BY]->(r:Root)"
                + " RETURN c.subject + ' > ' + r.subject"))
                .containsExactlyInAnyOrder(
                        rfc(OLD_ISSUING_1) + " > " + rfc(OLD_ROOT),
                        rfc(SampleEstate.OLD_ISSUING_2) + " > " + rfc(OLD_ROOT),
                        rfc(NEW_ISSUING_1) + " > " + rfc(NEW_ROOT),
                        rfc(SampleEstate.NEW_ISSUING_2) + " > " + rfc(NEW_ROOT));
        assertThat(graph.stats().issuerLinks()).isEqualTo(15);
        assertThat(tuples("MATCH (r:Root) WHERE NOT EXISTS { (r)-[:ISSUED_BY]->() }"
                + " RETURN r.subject")).hasSize(4);
    }

    @Test
    void authoritiesWithWhatTheyIssuedTheirCertificatesAndTemplates() throws Exception {
        importEstate(SAMPLES);

        Set<String> expected = new HashSet<>();
        for (String server : SampleEstate.servers()) {
            expected.add("Contoso Issuing CA 1 Issued CN=" + server + " SHA1 LyncServer");
            expected.add("Contoso Issuing CA G2-1 Issued CN=" + server + " SHA256 LyncServer");
        }
        expected.add("Contoso Issuing CA 1 Issued CN=oauth.contoso.com SHA1 OAuthTokenIssuer");
        expected.add("Contoso Issuing CA G2-1 Issued CN=oauth.contoso.com SHA256"
                + " OAuthTokenIssuer");
        expected.add("Contoso Issuing CA 1 Revoked CN=lyncweb.contoso.com SHA1 WebServer");
        assertThat(tuples("MATCH (a:Authority)-[i:ISSUED]->(c:Certificate)"
                + "-[:FROM_TEMPLATE]->(t:Template)"
                + " RETURN a.name + ' ' + i.disposition + ' ' + c.subject + ' '"
                + " + c.signatureHash + ' ' + t.name"))
                .isEqualTo(expected);
        assertThat(tuples("MATCH (a:Authority)-[:HAS_CERTIFICATE]->(c:Certificate)"
                + " RETURN a.name + ' has ' + c.subject"))
                .containsExactlyInAnyOrder(
                        "Contoso Issuing CA 1 has " + rfc(OLD_ISSUING_1),
                        "Contoso Issuing CA G2-1 has " + rfc(NEW_ISSUING_1));
        assertThat(tuples("MATCH (a:Authority) RETURN a.name + ' pending '"
                + " + coalesce(a.pendingRequests, 0) + ' failed ' + coalesce(a.failedRequests, 0)"
                + " + ' publishes ' + size([(a)-[:PUBLISHES]->(t) | t])"))
                .containsExactlyInAnyOrder(
                        "Contoso Issuing CA 1 pending 1 failed 1 publishes 3",
                        "Contoso Issuing CA 2 pending 0 failed 0 publishes 3",
                        "Contoso Issuing CA G2-1 pending 0 failed 0 publishes 3",
                        "Contoso Issuing CA G2-2 pending 0 failed 0 publishes 3");
        assertThat(tuples("MATCH (t:Template) RETURN t.name + ' ' + t.schemaVersion + ' '"
                + " + t.minimumKeySize + ' ' + t.validity"))
                .containsExactlyInAnyOrder("LyncServer 2 2048 6 Years",
                        "OAuthTokenIssuer 2 2048 6 Years", "WebServer 1 2048 2 Years");
        assertThat(TestNeo4j.count("MATCH (t:Template) WHERE t.oid IS NULL RETURN count(t)"))
                .isZero();
    }

    @Test
    void phonesPerPoolModelAndFirmware() throws Exception {
        importEstate(SAMPLES);

        Map<String, Long> perPool = graph.pools(null).stream().collect(Collectors.toMap(
                p -> p.fqdn(), p -> p.phoneCount()));
        assertThat(perPool).containsExactlyInAnyOrderEntriesOf(Map.of(
                REHEARSAL_POOL, 3L, FRONT_END_POOL, 110L));
        assertThat(tuples("MATCH (h:Handset)-[:RUNS]->(f:Firmware)"
                + " WITH h.pool AS pool, f.id AS firmware, sum(h.count) AS n"
                + " RETURN pool + ' ' + firmware + ' x' + n"))
                .containsExactlyInAnyOrder(
                        "rehearsal.contoso.com HP 4120|4.0.7577.4420 x2",
                        "rehearsal.contoso.com HP 4120|4.0.7577.4455 x1",
                        "pool01.contoso.com HP 4120|4.0.7577.4420 x40",
                        "pool01.contoso.com HP 4120|4.0.7577.4455 x10",
                        "pool01.contoso.com HP 4110|4.0.7577.4420 x25",
                        "pool01.contoso.com Polycom CX600|4.0.7577.4420 x15",
                        "pool01.contoso.com Polycom VVX 411|5.9.5.614 x20");
        assertThat(tuples("MATCH (h:Handset) WHERE h.sipAddress IS NOT NULL"
                + " RETURN h.id")).containsExactlyInAnyOrder("sip:ana.ruiz@contoso.com",
                        "sip:ben.kowalski@contoso.com", "sip:chen.li@contoso.com");
    }

    @Test
    void firmwareApprovalsAndTheSiteKnowledgeApply() throws Exception {
        importEstate(SAMPLES);

        assertThat(tuples("MATCH (m:HandsetModel)-[a:APPROVED]->(f:Firmware)"
                + " RETURN m.id + ' ' + a.state + ' ' + f.version"))
                .containsExactlyInAnyOrder("HP 4120 Approved 4.0.7577.4455",
                        "HP 4110 Approved 4.0.7577.4455", "Polycom CX600 Approved 4.0.7577.4455");
        assertThat(tuples("MATCH (:Handset)-[:RUNS]->(f:Firmware) WITH DISTINCT f"
                + " RETURN f.id + ' ' + reduce(s = '', h IN f.signatureHashes | s + h + ' ')"
                + " + reduce(s = '', k IN f.keys | s + k + ' ')"
                + " + split(f.signatureHashesSource, ',')[0]"))
                .containsExactlyInAnyOrder(
                        "HP 4120|4.0.7577.4420 SHA1 RSA-1024 RSA-2048 "
                                + SampleEstate.KNOWLEDGE_SOURCE,
                        "HP 4110|4.0.7577.4420 SHA1 RSA-1024 RSA-2048 "
                                + SampleEstate.KNOWLEDGE_SOURCE,
                        "Polycom CX600|4.0.7577.4420 SHA1 RSA-1024 RSA-2048 "
                                + SampleEstate.KNOWLEDGE_SOURCE,
                        "HP 4120|4.0.7577.4455 SHA1 SHA256 RSA-1024 RSA-2048 "
                                + "Avian Waves blog",
                        "Polycom VVX 411|5.9.5.614 SHA1 SHA256 RSA-2048 "
                                + SampleEstate.KNOWLEDGE_SOURCE);
    }

    @Test
    void importingTheEstateTwiceChangesNoCounts() throws Exception {
        importEstate(SAMPLES);
        long nodes = TestNeo4j.count("MATCH (n) RETURN count(n)");
        long relationships = TestNeo4j.count("MATCH ()-[r]->() RETURN count(r)");

        ImportReport again = importEstate(SAMPLES);

        assertThat(again.problems()).isEmpty();
        assertThat(again.certificatesNew()).isZero();
        assertThat(TestNeo4j.count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
        assertThat(TestNeo4j.count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
    }

    @Test
    void aFreshlyGeneratedEstateLoadsWithoutProblems() throws Exception {
        Path folder = dir.resolve("estate");
        SampleEstate.generate(folder);

        ImportReport report = importEstate(folder);

        assertThat(report.problems()).isEmpty();
        assertThat(report.filesRead()).isEqualTo(34);
        assertThat(TestNeo4j.count("MATCH (c:Certificate) RETURN count(c)")).isEqualTo(19);
        assertThat(TestNeo4j.count("MATCH (c:Certificate) WHERE c.unresolved RETURN count(c)"))
                .isZero();
        assertThat(graph.stats().issuerLinks()).isEqualTo(15);
        assertThat(TestNeo4j.count("MATCH (:Server)-[a:ASSIGNED]->() RETURN count(a)"))
                .isEqualTo(16);
    }
}
