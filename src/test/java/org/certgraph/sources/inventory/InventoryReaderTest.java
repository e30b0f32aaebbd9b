package org.certgraph.sources.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.certgraph.cert.CertificateFacts;
import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.junit.jupiter.api.Test;

class InventoryReaderTest {

    static final Path FOLDER = Path.of("src/test/resources/inventory");
    static final String LDAP_SHA1 = "F1492A6CA42B61912B74565830160C538615C48E";
    static final String ROOT_SHA1 = "43D85B62CC0E029DA4C24355C7D6AC4D9B5E48A5";
    static final String REF_SHA1 = "D8C5388AB7301B1B6ED47AE645253A6F9F1A2761";

    static CollectingSink read(String file) throws Exception {
        CollectingSink sink = new CollectingSink();
        new InventoryReader().read(FOLDER.resolve(file), ReadOptions.NONE, sink);
        return sink;
    }

    @Test
    void serversPoolsAndServicesAreNodesWithTheirProperties() throws Exception {
        CollectingSink sink = read("estate.yaml");

        assertThat(sink.sourceId).isEqualTo("inventory:estate.yaml");
        assertThat(sink.problems).isEmpty();
        assertThat(sink.nodes(Model.SERVER).get("dc01.contoso.com")).isEqualTo(Map.of(
                "site", "HQ", "role", "Domain controller", "os", "Windows Server 2019"));
        assertThat(sink.tuples(Model.MEMBER_OF)).containsExactly(
                "web01.contoso.com -MEMBER_OF-> web.contoso.com",
                "web02.contoso.com -MEMBER_OF-> web.contoso.com");
        assertThat(sink.tuples(Model.HOSTED_BY)).containsExactly(
                "ldaps:dc01.contoso.com -HOSTED_BY-> dc01.contoso.com",
                "https:web.contoso.com -HOSTED_BY-> web.contoso.com");
        assertThat(sink.relationships).filteredOn(r -> r.type().equals(Model.HOSTED_BY))
                .extracting(CollectingSink.Rel::toLabel).containsExactly(Model.SERVER, Model.POOL);
        assertThat(sink.nodes(Model.SERVICE).get("https:web.contoso.com"))
                .isEqualTo(Map.of("use", "Web", "role", "WebServer", "pool", "web.contoso.com"));
    }

    @Test
    void thumbprintsWithSpacesColonsAndInvisibleMarksBecomeOneReference() throws Exception {
        CollectingSink sink = read("estate.yaml");

        assertThat(sink.certificateRefs).contains(REF_SHA1);
        assertThat(sink.tuples(Model.ASSIGNED)).contains(
                "web01.contoso.com -ASSIGNED-> " + REF_SHA1,
                "web02.contoso.com -ASSIGNED-> " + REF_SHA1);
        assertThat(sink.relationships).filteredOn(r -> r.type().equals(Model.ASSIGNED))
                .allSatisfy(r -> assertThat(r.properties()).containsKey("use"));
    }

    @Test
    void certificateFilesNextToTheInventoryAreReadAndHandedOver() throws Exception {
        CollectingSink sink = read("estate.yaml");

        assertThat(sink.certificates).extracting(CertificateFacts::sha1)
                .containsExactly(LDAP_SHA1, ROOT_SHA1);
        assertThat(sink.tuples(Model.ASSIGNED)).contains("dc01.contoso.com -ASSIGNED-> "
                + LDAP_SHA1);
        assertThat(sink.tuples(Model.TRUSTS)).containsExactly(
                "java:app01-cacerts -TRUSTS-> " + ROOT_SHA1,
                "java:app01-cacerts -TRUSTS-> " + ROOT_SHA1);
        assertThat(sink.relationships).filteredOn(r -> r.type().equals(Model.TRUSTS))
                .extracting(r -> r.properties().get("store")).containsExactly("Root", "Root");
        assertThat(sink.tuples(Model.HAS_STORE))
                .containsExactly("app01.contoso.com -HAS_STORE-> java:app01-cacerts");
    }

    @Test
    void relyingServersAndPlatformsConnectToServicesAndValidateWithTrustLists()
            throws Exception {
        CollectingSink sink = read("estate.yaml");

        assertThat(sink.tuples(Model.CONNECTS_TO)).containsExactly(
                "app01.contoso.com -CONNECTS_TO-> ldaps:dc01.contoso.com",
                "app01.contoso.com -CONNECTS_TO-> https:web.contoso.com",
                "Java 8u161 -CONNECTS_TO-> https:web.contoso.com");
        assertThat(sink.tuples(Model.VALIDATES_WITH))
                .containsExactly("app01.contoso.com -VALIDATES_WITH-> java:app01-cacerts");
        assertThat(sink.nodes(Model.PLATFORM).get("Java 8u161")).containsAllEntriesOf(Map.of(
                "name", "Java", "version", "8u161",
                "signatureHashes", List.of("SHA1", "SHA256"),
                "keys", List.of("RSA-2048", "ECDSA-P256"),
                "source", "site decision", "capabilityKnown", true));
    }

    @Test
    void badEntriesAreProblemsWithTheirLineAndTheRestLoads() throws Exception {
        CollectingSink sink = read("bad-entries.yaml");

        assertThat(sink.problems).extracting(CollectingSink.Problem::line)
                .containsExactly(4L, 7L, 11L, 14L, 16L);
        assertThat(sink.problems.get(0).message()).isEqualTo("bad-entries.yaml, line 4: unknown"
                + " key \"sight\" in a server; the keys a server takes are fqdn, os, role, site");
        assertThat(sink.problems.get(1).message()).contains("\"nowhere.contoso.com\"");
        assertThat(sink.problems.get(2).message()).contains("\"12 34\" is not a thumbprint");
        assertThat(sink.problems.get(3).message()).contains("certs/missing.pem");
        assertThat(sink.problems.get(4).message()).contains("Windows XP SP3")
                .contains("add source:");
        assertThat(sink.nodes(Model.SERVER)).containsKey("web01.contoso.com");
        assertThat(sink.nodes(Model.PLATFORM).get("Windows XP SP3"))
                .containsEntry("capabilityKnown", false).doesNotContainKey("signatureHashes");
    }

    @Test
    void aFileThatIsNotYamlIsRefusedBeforeAnyFactWithItsLine() {
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> new InventoryReader().read(FOLDER.resolve("not-yaml.yaml"),
                ReadOptions.NONE, sink))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("not-yaml.yaml is not valid YAML at line");
        assertThat(sink.sourceId).isNull();
    }

    @Test
    void recognisesOnlyFilesWithTheVersionKeyAtTheTop() {
        InventoryReader reader = new InventoryReader();

        assertThat(reader.recognises("# estate\ncertgraph-inventory: 1\nservers: []\n")).isTrue();
        assertThat(reader.recognises("servers:\n  certgraph-inventory: 1\n")).isFalse();
        assertThat(reader.recognises("certgraph-knowledge: 1\n")).isFalse();
    }

    @Test
    void aHostNameWithoutItsDomainIsAProblem(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("short.yaml"),
                "certgraph-inventory: 1\nservers:\n  - fqdn: srv02\n  - fqdn: srv03.contoso.com\n");
        CollectingSink sink = new CollectingSink();

        new InventoryReader().read(file, ReadOptions.NONE, sink);

        assertThat(sink.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3L);
            assertThat(p.message()).contains("\"srv02\" is not a host name");
        });
        assertThat(sink.nodes(Model.SERVER)).containsOnlyKeys("srv03.contoso.com");
    }
}
