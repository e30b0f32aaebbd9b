package org.certgraph.sources.phones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FirmwareKnowledgeTest {

    static final Path SHIPPED = Path.of("importers/knowledge/firmware.yaml");
    static final Path SITE = Path.of("src/test/resources/phones/site-knowledge.yaml");

    static FirmwareKnowledge shipped() throws KnowledgeException {
        return FirmwareKnowledge.load(SHIPPED);
    }

    private static FirmwareVersion v(String text) {
        return FirmwareVersion.parse(text);
    }

    @Test
    void everyShippedModelHasVendorPlatformAndSource() throws Exception {
        FirmwareKnowledge knowledge = shipped();
        for (String id : new String[] {"HP 4120", "HP 4110", "Polycom CX600", "Polycom VVX 411",
                "Yealink T48S"}) {
            HandsetModelInfo model = knowledge.model(id).orElseThrow();
            assertThat(model.vendor()).isNotBlank();
            assertThat(model.platform()).isNotBlank();
            assertThat(model.source()).contains("http");
        }
        assertThat(knowledge.model("HP 4120").orElseThrow().platform())
                .isEqualTo("Lync Phone Edition");
        assertThat(knowledge.model("Polycom VVX 411").orElseThrow().platform())
                .isEqualTo("UC Software");
    }

    @Test
    void modelNamesAsPeopleWriteThemFindTheModel() throws Exception {
        FirmwareKnowledge knowledge = shipped();
        assertThat(knowledge.findModel("HP 4120 IP Phone")).map(HandsetModelInfo::id)
                .contains("HP 4120");
        assertThat(knowledge.findModel("hp4110")).map(HandsetModelInfo::id).contains("HP 4110");
        assertThat(knowledge.findModel("CX600")).map(HandsetModelInfo::id)
                .contains("Polycom CX600");
        assertThat(knowledge.findModel("Polycom VVX411")).map(HandsetModelInfo::id)
                .contains("Polycom VVX 411");
        assertThat(knowledge.findModel("Acme Phone 9")).isEmpty();
    }

    @Test
    void newLpeBuildsValidateSha256WithTheirSource() throws Exception {
        Capabilities caps = shipped().capabilities("HP 4120", v("4.0.7577.4444"));

        assertThat(caps.signatureHashes().known()).isTrue();
        assertThat(caps.signatureHashes().values()).containsExactly("SHA1", "SHA256");
        assertThat(caps.signatureHashes().source()).contains("avianwaves.com");
    }

    @Test
    void oldLpeBuildsStayUnknownNotSha1OnlyAndNotSha256() throws Exception {
        Capabilities caps = shipped().capabilities("HP 4120", v("4.0.7577.4372"));

        assertThat(caps.signatureHashes().known()).isFalse();
        assertThat(caps.signatureHashes().values()).isEmpty();
        assertThat(caps.signatureHashes().siteSetting()).isEqualTo("lpeSha256FromVersion");
        assertThat(caps.signatureHashes().note()).contains("lpeSha256FromVersion");
        assertThat(caps.keys().known()).isFalse();
        assertThat(caps.known()).isFalse();
    }

    @Test
    void aSiteFileSettingTheLpeBuildMakesItKnownAsSiteDecision() throws Exception {
        FirmwareKnowledge knowledge = shipped().withSite(SITE);

        Capabilities old = knowledge.capabilities("HP 4120", v("4.0.7577.4372"));
        Capabilities fixed = knowledge.capabilities("Polycom CX600", v("4.0.7577.4420"));

        assertThat(old.signatureHashes().known()).isTrue();
        assertThat(old.signatureHashes().values()).containsExactly("SHA1");
        assertThat(old.signatureHashes().source()).isEqualTo("site decision");
        assertThat(fixed.signatureHashes().values()).containsExactly("SHA1", "SHA256");
        assertThat(fixed.signatureHashes().note())
                .isEqualTo("site setting lpeSha256FromVersion = 4.0.7577.4420");
        assertThat(fixed.keys().values()).containsExactly("RSA-1024", "RSA-2048");
        assertThat(fixed.known()).isTrue();
    }

    @Test
    void siteRangesComeBeforeShippedOnesAndSiteModelsAreAdded() throws Exception {
        FirmwareKnowledge knowledge = shipped().withSite(SITE);

        Capabilities vvx = knowledge.capabilities("Polycom VVX 411", v("6.4.0.1"));
        Capabilities acme = knowledge.capabilities("Acme Desk 9", v("1.2"));

        assertThat(vvx.signatureHashes().values()).containsExactly("SHA1", "SHA256");
        assertThat(vvx.signatureHashes().source()).isEqualTo("lab test 2026-03");
        assertThat(vvx.keys().known()).isFalse();
        assertThat(acme.keys().values()).containsExactly("RSA-2048", "ECDSA-P256");
        assertThat(knowledge.findModel("acme desk 9")).isPresent();
    }

    @Test
    void unknownModelsAreUnknownWithTheNote() throws Exception {
        Capabilities caps = shipped().capabilities("Acme Phone 9", v("1.0"));

        assertThat(caps.signatureHashes().known()).isFalse();
        assertThat(caps.signatureHashes().note()).contains("not in the firmware knowledge files");
    }

    @Test
    void aCapabilityWithoutSourceOrAnUnknownSettingIsRefusedWithItsLine() {
        String text = """
                certgraph-knowledge: 1
                settings:
                  lpeSha256FromVersoin:
                    value: 4.0.7577.4420
                    source: site decision
                models:
                  - vendor: Acme
                    model: Desk 9
                    platform: Acme OS
                    source: datasheet
                    firmware:
                      - signatureHashes: [SHA1, SHA-3]
                        from: 1.0
                """;
        assertThatThrownBy(() -> shipped().with("bad.yaml", text))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("bad.yaml, line 3: \"lpeSha256FromVersoin\" is not a"
                        + " setting")
                .hasMessageContaining("line 12: this firmware range states a capability without"
                        + " a source")
                .hasMessageContaining("\"SHA-3\" is not a signature hash");
    }
}
