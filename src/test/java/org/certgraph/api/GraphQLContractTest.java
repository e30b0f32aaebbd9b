package org.certgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import org.certgraph.core.CertGraph;
import org.certgraph.core.ImportProgress;
import org.certgraph.core.ImportRequest;
import org.certgraph.testing.TestNeo4j;
import org.certgraph.testing.TestPki;
import org.certgraph.testing.TestPki.TestCert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names scripts rely on, answered from a small real estate of certificates. */
class GraphQLContractTest {

    @TempDir
    static Path dir;

    private static GraphQLService api;
    private static TestCert oldRoot;
    private static TestCert newRoot;
    private static TestCert ca;
    private static TestCert leaf;
    private static final List<TestCert> LEAVES = new ArrayList<>();

    @BeforeAll
    static void estate() {
        CertGraph graph = TestNeo4j.emptyGraph();
        oldRoot = TestPki.root("CN=Fabrikam Old Root").hash("SHA1")
                .keyType(TestPki.KeyType.RSA_2048).build();
        newRoot = TestPki.root("CN=Fabrikam New Root").build();
        ca = newRoot.intermediate("CN=Fabrikam Issuing CA").build();
        leaf = ca.leaf("CN=web.fabrikam.com").dns("web.fabrikam.com", "www.fabrikam.com")
                .eku("1.3.6.1.5.5.7.3.1")
                .validity(Instant.now().minus(Duration.ofDays(10)),
                        Instant.now().plus(Duration.ofDays(20))).build();
        for (int i = 0; i < 100; i++) {
            LEAVES.add(ca.leaf("CN=host" + i + ".fabrikam.com").build());
        }
        TestPki.writePem(dir, "roots.pem", oldRoot, newRoot);
        TestPki.writePem(dir, "issued.pem", LEAVES.toArray(TestCert[]::new));
        TestPki.writePem(dir, "web.pem", leaf, ca);
        graph.importCertificates(new ImportRequest(List.of(dir.resolve("roots.pem")),
                "fabrikam-roots", "Root", null), ImportProgress.NONE);
        graph.importCertificates(ImportRequest.of(List.of(dir)), ImportProgress.NONE);
        api = new GraphQLService(graph);
    }

    @Test
    void certificateAcceptsAnyThumbprintSpelling() {
        String sha1 = leaf.sha1();
        StringBuilder colons = new StringBuilder();
        for (int i = 0; i < sha1.length(); i += 2) {
            colons.append(i == 0 ? "" : ":").append(sha1, i, i + 2);
        }
        String spaced = sha1.replaceAll("(..)", "$1 ").toLowerCase();
        for (String spelling : List.of(sha1, "\u200e" + spaced, colons.toString().toLowerCase(),
                leaf.sha256().toLowerCase())) {
            Map<String, Object> data = data("query($t: String!) { certificate(sha1: $t) { sha1 } }",
                    Map.of("t", spelling));
            assertThat(data).as(spelling)
                    .isEqualTo(Map.of("certificate", Map.of("sha1", sha1)));
        }
    }

    @Test
    void certificateCarriesItsFacts() {
        Map<String, Object> cert = field(data("query($t: String!) { certificate(sha1: $t) { "
                + "sha1 sha256 serialNumber subject issuer notBefore notAfter signatureAlgorithm "
                + "signatureHash keyAlgorithm keySize isCA selfSigned dnsNames ekus } }",
                Map.of("t", leaf.sha1())), "certificate");
        assertThat(cert).containsEntry("subject", "CN=web.fabrikam.com")
                .containsEntry("issuer", "CN=Fabrikam Issuing CA")
                .containsEntry("signatureHash", "SHA256")
                .containsEntry("keyAlgorithm", "EC")
                .containsEntry("keySize", 256)
                .containsEntry("isCA", false)
                .containsEntry("selfSigned", false)
                .containsEntry("dnsNames", List.of("web.fabrikam.com", "www.fabrikam.com"))
                .containsEntry("ekus", List.of("1.3.6.1.5.5.7.3.1"));
        assertThat((String) cert.get("notAfter")).endsWith("Z");
    }

    @Test
    void certificatesFilterByEveryField() {
        assertThat(total("{signatureHash: SHA1}")).isEqualTo(1);
        assertThat(total("{isCA: true}")).isEqualTo(3);
        assertThat(total("{selfSigned: true}")).isEqualTo(2);
        assertThat(total("{trustedBy: \"fabrikam-roots\"}")).isEqualTo(2);
        assertThat(total("{trustedBy: \"fabrikam-roots\", signatureHash: SHA1}")).isEqualTo(1);
        assertThat(total("{subjectContains: \"HOST4\"}")).isEqualTo(11);
        assertThat(total("{expiresBefore: \"" + Instant.now().plus(Duration.ofDays(60)) + "\"}"))
                .isEqualTo(1);
        assertThat(total("{}")).isEqualTo(104);
    }

    @Test
    void certificatesPageWithCursors() {
        String query = "query($after: String) { certificates(first: 40, after: $after) { "
                + "totalCount nodes { sha1 } pageInfo { hasNextPage endCursor } } }";
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> vars = new java.util.HashMap<>();
            vars.put("after", after);
            Map<String, Object> page = field(data(query, vars), "certificates");
            List<Map<String, Object>> nodes = list(page.get("nodes"));
            nodes.forEach(n -> seen.add((String) n.get("sha1")));
            Map<String, Object> info = field(page, "pageInfo");
            after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor")
                    : null;
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(104).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void issuedByIssuedChainsAndTrustedByFollowTheGraph() {
        Map<String, Object> cert = field(data("query($t: String!) { certificate(sha1: $t) { "
                + "issuedBy { sha1 issued(first: 1) { totalCount } } "
                + "chains { sha1 } trustedBy { id } } }", Map.of("t", leaf.sha1())), "certificate");
        assertThat(cert.get("issuedBy")).isEqualTo(List.of(Map.of("sha1", ca.sha1(),
                "issued", Map.of("totalCount", 101))));
        assertThat(cert.get("chains")).isEqualTo(List.of(List.of(Map.of("sha1", leaf.sha1()),
                Map.of("sha1", ca.sha1()), Map.of("sha1", newRoot.sha1()))));
        assertThat(cert.get("trustedBy")).isEqualTo(List.of());

        Map<String, Object> root = field(data("query($t: String!) { certificate(sha1: $t) { "
                + "trustedBy { id entryCount } } }", Map.of("t", newRoot.sha1())), "certificate");
        assertThat(root.get("trustedBy")).isEqualTo(List.of(
                Map.of("id", "fabrikam-roots", "entryCount", 2)));
    }

    @Test
    void trustListsListTheirEntries() {
        Map<String, Object> data = data("{ trustLists { id } trustList(id: \"fabrikam-roots\") { "
                + "entryCount entries(first: 10) { totalCount nodes { subject } } } "
                + "missing: trustList(id: \"nope\") { id } }", Map.of());
        assertThat(data.get("trustLists")).isEqualTo(List.of(Map.of("id", "fabrikam-roots")));
        Map<String, Object> list = field(data, "trustList");
        assertThat(list.get("entryCount")).isEqualTo(2);
        assertThat(list(field(list, "entries").get("nodes"))).extracting(n -> n.get("subject"))
                .containsExactlyInAnyOrder("CN=Fabrikam Old Root", "CN=Fabrikam New Root");
        assertThat(data.get("missing")).isNull();
    }

    @Test
    void nestedIssuersOfAHundredLeavesTakeAFewRoundTrips() {
        long before = TestNeo4j.statementsRun();
        Map<String, Object> data = data("{ certificates(filter: {subjectContains: \"host\"}, "
                + "first: 100) { nodes { issuedBy { subject issuedBy { subject } } } } }",
                Map.of());
        long statements = TestNeo4j.statementsRun() - before;

        List<Map<String, Object>> nodes = list(field(data, "certificates").get("nodes"));
        assertThat(nodes).hasSize(100).allSatisfy(n -> assertThat(n.get("issuedBy")).isEqualTo(
                List.of(Map.of("subject", "CN=Fabrikam Issuing CA",
                        "issuedBy", List.of(Map.of("subject", "CN=Fabrikam New Root")))))); 
        assertThat(statements).isLessThanOrEqualTo(4);
    }

    @Test
    void aBadDateTimeSaysHowToWriteIt() {
        ExecutionResult result = api.execute("{ certificates(filter: {expiresBefore: \"31/01/2027\"})"
                + " { totalCount } }", Map.of(), null);
        assertThat(result.getErrors()).singleElement().satisfies(e ->
                assertThat(e.getMessage()).contains("31/01/2027").contains("2027-01-31T00:00:00Z"));
    }

    @Test
    void aBadThumbprintSaysWhatAThumbprintLooksLike() {
        ExecutionResult result = api.execute("{ certificate(sha1: \"12:34\") { sha1 } }",
                Map.of(), null);
        assertThat(result.getErrors()).singleElement().satisfies(e ->
                assertThat(e.getMessage()).contains("12:34"));
    }

    private int total(String filter) {
        Map<String, Object> data = data("{ certificates(filter: " + filter + ") { totalCount } }",
                Map.of());
        return (Integer) field(data, "certificates").get("totalCount");
    }

    private Map<String, Object> data(String query, Map<String, Object> variables) {
        ExecutionResult result = api.execute(query, variables, null);
        assertThat(result.getErrors()).as(query).isEmpty();
        return result.getData();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> map, String name) {
        return (Map<String, Object>) map.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
