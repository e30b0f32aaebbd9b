package org.certgraph.sources.phones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.junit.jupiter.api.Test;

class PhoneInventoryReaderTest {

    static final Path PER_PHONE = Path.of("src/test/resources/phones/per-phone.csv");
    static final Path GROUPED = Path.of("src/test/resources/phones/grouped.csv");

    static CollectingSink read(Path file, FirmwareKnowledge knowledge) throws Exception {
        CollectingSink sink = new CollectingSink();
        new PhoneInventoryReader(knowledge).read(file, ReadOptions.NONE, sink);
        return sink;
    }

    static CollectingSink read(Path file) throws Exception {
        return read(file, FirmwareKnowledgeTest.shipped());
    }

    @Test
    void perPhoneRowsBecomeHandsetsKeyedByLowerCaseSipUri() throws Exception {
        CollectingSink sink = read(PER_PHONE);

        assertThat(sink.sourceId).isEqualTo("phones:per-phone.csv");
        Map<String, Map<String, Object>> handsets = sink.nodes(Model.HANDSET);
        assertThat(handsets).containsOnlyKeys("sip:alice@contoso.com", "sip:bob@contoso.com",
                "sip:carol@contoso.com", "sip:dave@contoso.com");
        assertThat(handsets.get("sip:alice@contoso.com")).containsAllEntriesOf(Map.of(
                "count", 1L, "sipAddress", "sip:alice@contoso.com", "pool", "pool01.contoso.com",
                "model", "HP 4120", "firmware", "4.0.7577.4372"));
        assertThat(handsets.get("sip:bob@contoso.com")).containsEntry("model", "HP 4120");
        assertThat(handsets.get("sip:carol@contoso.com"))
                .containsEntry("pool", "pool01.contoso.com");
    }

    @Test
    void handsetsConnectToThePoolsWebServerAndRegistrar() throws Exception {
        CollectingSink sink = read(PER_PHONE);

        assertThat(sink.tuples(Model.CONNECTS_TO)).contains(
                "sip:alice@contoso.com -CONNECTS_TO-> WebServer:pool01.contoso.com",
                "sip:alice@contoso.com -CONNECTS_TO-> Registrar:pool01.contoso.com");
        assertThat(sink.tuples(Model.HOSTED_BY)).containsExactlyInAnyOrder(
                "WebServer:pool01.contoso.com -HOSTED_BY-> pool01.contoso.com",
                "Registrar:pool01.contoso.com -HOSTED_BY-> pool01.contoso.com",
                "WebServer:pool02.contoso.com -HOSTED_BY-> pool02.contoso.com",
                "Registrar:pool02.contoso.com -HOSTED_BY-> pool02.contoso.com");
        assertThat(sink.nodes(Model.SERVICE).get("WebServer:pool01.contoso.com"))
                .isEqualTo(Map.of("role", "WebServer", "pool", "pool01.contoso.com",
                        "use", "WebServicesInternal"));
        assertThat(sink.nodes(Model.SERVICE).get("Registrar:pool02.contoso.com"))
                .containsEntry("use", "Default");
        assertThat(sink.nodes(Model.POOL)).containsOnlyKeys("pool01.contoso.com",
                "pool02.contoso.com");
        assertThat(sink.tuples(Model.IS_MODEL)).contains(
                "sip:bob@contoso.com -IS_MODEL-> HP 4120");
        assertThat(sink.tuples(Model.RUNS)).contains(
                "sip:bob@contoso.com -RUNS-> HP 4120|4.0.7577.4420");
        assertThat(sink.tuples(Model.OF_MODEL)).contains(
                "HP 4120|4.0.7577.4420 -OF_MODEL-> HP 4120");
    }

    @Test
    void badRowsAreProblemsWithTheirLineAndTheRestLoads() throws Exception {
        CollectingSink sink = read(PER_PHONE);

        assertThat(sink.problems).extracting(CollectingSink.Problem::line)
                .containsExactly(6L, 7L, 8L, 9L);
        List<String> messages = sink.problems.stream().map(CollectingSink.Problem::message)
                .toList();
        assertThat(messages.get(0)).startsWith("per-phone.csv, line 6: the model \"Acme Phone 9\"")
                .contains("unknown capabilities");
        assertThat(messages.get(1)).contains("\"4.0.7577.43x2\"").contains("skipped");
        assertThat(messages.get(2)).contains("sip:alice@contoso.com was already listed at line 3");
        assertThat(messages.get(3)).contains("\"pool 01\"").contains("pool01.contoso.com");
        assertThat(sink.nodes(Model.HANDSET)).containsKey("sip:dave@contoso.com");
    }

    @Test
    void groupRowsCountPhonesAndRepeatedGroupsAddUp() throws Exception {
        CollectingSink sink = read(GROUPED);

        Map<String, Map<String, Object>> handsets = sink.nodes(Model.HANDSET);
        assertThat(handsets).containsOnlyKeys(
                "group:HP 4120|4.0.7577.4372|pool01.contoso.com",
                "group:HP 4110|4.0.7577.4420|pool01.contoso.com",
                "group:Polycom VVX 411|5.9.5.614|pool02.contoso.com");
        assertThat(handsets.get("group:HP 4120|4.0.7577.4372|pool01.contoso.com"))
                .containsEntry("count", 125L).doesNotContainKey("sipAddress");
        assertThat(sink.nodes.stream().filter(n -> n.label().equals(Model.HANDSET)).count())
                .isEqualTo(3);
    }

    @Test
    void aCountThatIsNotAPositiveNumberIsAProblem() throws Exception {
        CollectingSink sink = read(GROUPED);

        assertThat(sink.problems).extracting(CollectingSink.Problem::line).containsExactly(5L, 6L);
        assertThat(sink.problems.get(0).message()).contains("the count \"0\"");
        assertThat(sink.problems.get(1).message()).contains("the count \"ten\"");
    }

    @Test
    void firmwareCarriesItsVersionKeyAndKnownCapabilitiesWithSource() throws Exception {
        Map<String, Object> firmware = read(PER_PHONE).nodes(Model.FIRMWARE)
                .get("Polycom CX600|4.0.7577.10000");

        assertThat(firmware).containsEntry("model", "Polycom CX600")
                .containsEntry("version", "4.0.7577.10000")
                .containsEntry("versionKey", FirmwareVersion.parse("4.0.7577.10000").versionKey())
                .containsEntry("signatureHashes", List.of("SHA1", "SHA256"))
                .containsEntry("signatureHashesKnown", true)
                .containsEntry("keysKnown", false)
                .containsEntry("keysSiteSetting", "lpeKeys")
                .containsEntry("capabilityKnown", false);
        assertThat((String) firmware.get("capabilitySource")).contains("avianwaves.com");
    }

    @Test
    void anUndocumentedLpeBuildStaysUnknownNotSha1OnlyAndNotSha256() throws Exception {
        Map<String, Object> firmware = read(PER_PHONE).nodes(Model.FIRMWARE)
                .get("HP 4120|4.0.7577.4372");

        assertThat(firmware).containsEntry("signatureHashesKnown", false)
                .containsEntry("signatureHashesSiteSetting", "lpeSha256FromVersion")
                .containsEntry("capabilityKnown", false)
                .doesNotContainKeys("signatureHashes", "capabilitySource");
        assertThat((String) firmware.get("capabilityNote")).contains("lpeSha256FromVersion");
    }

    @Test
    void aSiteSettingMakesTheLpeCapabilityKnownAsSiteDecision() throws Exception {
        FirmwareKnowledge knowledge = FirmwareKnowledgeTest.shipped()
                .withSite(FirmwareKnowledgeTest.SITE);

        Map<String, Map<String, Object>> firmware = read(PER_PHONE, knowledge)
                .nodes(Model.FIRMWARE);

        assertThat(firmware.get("HP 4120|4.0.7577.4372"))
                .containsEntry("signatureHashes", List.of("SHA1"))
                .containsEntry("signatureHashesSource", "site decision")
                .containsEntry("capabilityKnown", true)
                .containsEntry("capabilitySource", "site decision");
        assertThat(firmware.get("HP 4120|4.0.7577.4420"))
                .containsEntry("signatureHashes", List.of("SHA1", "SHA256"));
    }

    @Test
    void knownModelsGetVendorAndPlatformAndUnknownOnesKeepTheirName() throws Exception {
        Map<String, Map<String, Object>> models = read(PER_PHONE).nodes(Model.HANDSET_MODEL);

        assertThat(models.get("HP 4120")).containsEntry("vendor", "HP")
                .containsEntry("platform", "Lync Phone Edition");
        assertThat(models.get("Acme Phone 9")).doesNotContainKeys("vendor", "platform");
    }

    @Test
    void aFileWithoutTheNeededColumnsIsRefusedBeforeAnyFact() {
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> new PhoneInventoryReader(FirmwareKnowledge.empty())
                .read(Path.of("src/test/resources/phones/missing-columns.csv"), ReadOptions.NONE,
                        sink))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("missing-columns.csv")
                .hasMessageContaining("model")
                .hasMessageContaining("Its header has: Name, Version");
        assertThat(sink.sourceId).isNull();
    }

    @Test
    void recognisesPhoneInventoriesByTheirHeaderOnly() {
        PhoneInventoryReader reader = new PhoneInventoryReader(FirmwareKnowledge.empty());

        String exported = "#TYPE x\r\n\"SipAddress\",\"Model\",\"Firmware\",\"Pool\"\r\n";
        assertThat(reader.recognises(exported)).isTrue();
        assertThat(reader.recognises("Device Model;Version;Registrar Pool;Quantity\n")).isTrue();
        assertThat(reader.recognises("SerialNumber,Subject,NotAfter\n")).isFalse();
        assertThat(reader.recognises("certgraph-inventory: 1\n")).isFalse();
    }
}
