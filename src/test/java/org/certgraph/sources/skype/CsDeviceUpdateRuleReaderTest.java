package org.certgraph.sources.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certgraph.sources.skype.Fixtures.facts;
import static org.certgraph.sources.skype.Fixtures.read;
import static org.certgraph.sources.skype.Fixtures.skype;

import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.junit.jupiter.api.Test;

class CsDeviceUpdateRuleReaderTest {

    private static final CsDeviceUpdateRuleReader READER = new CsDeviceUpdateRuleReader();

    @Test
    void rulesApproveAndStageFirmwarePerModel() throws Exception {
        CollectingSink sink = read(READER, skype("device-update-rules.json"), ReadOptions.NONE);

        assertThat(sink.sourceId).isEqualTo("skype-device-updates");
        assertThat(sink.nodes(Model.HANDSET_MODEL)).containsOnlyKeys("HP 4120",
                "Polycom CX600");
        assertThat(sink.nodes(Model.HANDSET_MODEL).get("HP 4120"))
                .containsEntry("vendor", "HP").containsEntry("model", "4120")
                .containsEntry("deviceType", "UCPhone");
        assertThat(sink.nodes(Model.FIRMWARE).get("HP 4120|4.0.7577.4420"))
                .containsEntry("model", "HP 4120").containsEntry("version", "4.0.7577.4420");
        assertThat(sink.tuples(Model.OF_MODEL)).containsExactly(
                "HP 4120|4.0.7577.4100 -OF_MODEL-> HP 4120",
                "HP 4120|4.0.7577.4420 -OF_MODEL-> HP 4120",
                "Polycom CX600|4.0.7577.4420 -OF_MODEL-> Polycom CX600");
        assertThat(sink.relationships).filteredOn(r -> r.type().equals(Model.APPROVED))
                .extracting(r -> r.tuple() + " " + r.properties().get("state"))
                .containsExactly("HP 4120 -APPROVED-> HP 4120|4.0.7577.4100 Approved",
                        "HP 4120 -APPROVED-> HP 4120|4.0.7577.4420 Pending",
                        "Polycom CX600 -APPROVED-> Polycom CX600|4.0.7577.4420 Approved");
        assertThat(sink.relationships).filteredOn(r -> r.type().equals(Model.APPROVED))
                .first().satisfies(r -> assertThat(r.properties())
                        .containsEntry("rule", "service:WebServer:pool01.contoso.com/"
                                + "d5ce3c10-2588-420a-82ac-dc2d9b1222f9")
                        .containsEntry("locale", "ENU"));
    }

    @Test
    void ruleWithoutBrandIsReportedWithItsLineAndTheRestLoads() throws Exception {
        CollectingSink sink = read(READER, skype("device-update-rules.json"), ReadOptions.NONE);

        assertThat(sink.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(26);
            assertThat(p.message()).contains("device-update-rules.json line 26")
                    .contains("Brand").contains("0f2c1e3d");
        });
    }

    @Test
    void listOutputGivesTheSameFactsAsJson() throws Exception {
        assertThat(facts(read(READER, skype("device-update-rules.txt"), ReadOptions.NONE)))
                .containsExactlyElementsOf(facts(read(READER,
                        skype("device-update-rules.json"), ReadOptions.NONE)));
    }
}
