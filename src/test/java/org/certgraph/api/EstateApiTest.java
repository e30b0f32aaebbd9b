package org.certgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import org.certgraph.core.CertGraph;
import org.certgraph.core.ImportProgress;
import org.certgraph.core.ImportRequest;
import org.certgraph.testing.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The estate's names scripts rely on, answered from the sample estate. */
class EstateApiTest {

    private static GraphQLService api;

    @BeforeAll
    static void sampleEstate() {
        CertGraph graph = TestNeo4j.emptyGraph();
        graph.importCertificates(ImportRequest.of(List.of(Path.of("importers", "samples"))),
                ImportProgress.NONE);
        api = new GraphQLService(graph);
    }

    @Test
    void poolsListTheirServers() {
        assertThat(data("{ pools { fqdn site servers { fqdn } } }").get("pools")).isEqualTo(
                List.of(Map.of("fqdn", "pool01.contoso.com", "site", "Redmond",
                                "servers", List.of(Map.of("fqdn", "fe01.contoso.com"),
                                        Map.of("fqdn", "fe02.contoso.com"))),
                        Map.of("fqdn", "rehearsal.contoso.com", "site", "Redmond",
                                "servers", List.of(Map.of("fqdn", "rfe01.contoso.com"),
                                        Map.of("fqdn", "rfe02.contoso.com")))));
    }

    @Test
    void aServerShowsWhatItPresentsPerUseAndItsStores() {
        Map<String, Object> server = field(data("{ server(fqdn: \"FE01.contoso.com\") { fqdn pool "
                + "verdict assignments { use certificate { subject signatureHash } } "
                + "trustLists { id } } }"), "server");
        assertThat(server.get("pool")).isEqualTo("pool01.contoso.com");
        assertThat(server.get("verdict")).isEqualTo("OK");
        assertThat(list(server.get("assignments"))).extracting(a -> a.get("use"))
                .containsExactly("Default", "OAuthTokenIssuer", "WebServicesExternal",
                        "WebServicesInternal");
        assertThat(list(server.get("assignments"))).allSatisfy(a -> assertThat(
                field(a, "certificate").get("signatureHash")).isEqualTo("SHA1"));
        assertThat(list(server.get("trustLists"))).extracting(t -> t.get("id"))
                .containsExactly("store:fe01.contoso.com:CA", "store:fe01.contoso.com:My",
                        "store:fe01.contoso.com:Root");
    }

    @Test
    void phonesCountEveryMemberOfAGroup() {
        assertThat(total("{pool: \"pool01.contoso.com\"}")).isEqualTo(110);
        assertThat(total("{pool: \"rehearsal.contoso.com\"}")).isEqualTo(3);
        assertThat(total("{model: \"HP 4120\", firmware: \"4.0.7577.4420\"}")).isEqualTo(42);
        assertThat(total("{}")).isEqualTo(113);
    }

    @Test
    void authoritiesAndTemplatesAreListed() {
        Map<String, Object> data = data("{ authorities { name issuedCount templates "
                + "certificates { subject } } templates { name oid certificateCount } }");
        assertThat(list(data.get("authorities"))).extracting(a -> a.get("name"))
                .contains("Contoso Issuing CA 1", "Contoso Issuing CA G2-1");
        assertThat(list(data.get("templates"))).extracting(t -> t.get("name"))
                .contains("LyncServer", "OAuthTokenIssuer", "WebServer");
    }

    private static int total(String filter) {
        return (Integer) field(data("{ phones(filter: " + filter + ") { totalCount } }"),
                "phones").get("totalCount");
    }

    private static Map<String, Object> data(String query) {
        ExecutionResult result = api.execute(query, Map.of(), null);
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
