package org.certgraph.sources.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.certgraph.sources.skype.Fixtures.read;
import static org.certgraph.sources.skype.Fixtures.skype;

import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReadException;
import org.junit.jupiter.api.Test;

class CsCertificateReaderTest {

    private static final CsCertificateReader READER = new CsCertificateReader();
    private static final String DEFAULT = "8D6E5F4A3B2C1D0E9F8A7B6C5D4E3F2A1B0C9D8E";
    private static final String OAUTH = "0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D";

    @Test
    void listOutputAssignsEachUseAndTakesTheServerFromTheFileName() throws Exception {
        CollectingSink sink = read(READER, skype("fe01.contoso.com-certificates.txt"),
                ReadOptions.NONE);

        assertThat(sink.sourceId).isEqualTo("skype-certificates:fe01.contoso.com");
        assertThat(sink.nodes(Model.SERVER)).containsOnlyKeys("fe01.contoso.com");
        assertThat(sink.certificateRefs).containsExactly(DEFAULT, OAUTH);
        assertThat(sink.relationships).extracting(r -> r.tuple() + " " + r.properties())
                .containsExactly(
                        "fe01.contoso.com -ASSIGNED-> " + DEFAULT + " {use=Default}",
                        "fe01.contoso.com -ASSIGNED-> " + DEFAULT + " {use=WebServicesInternal}",
                        "fe01.contoso.com -ASSIGNED-> " + OAUTH + " {use=OAuthTokenIssuer}");
        assertThat(sink.problems).isEmpty();
    }

    @Test
    void certrefUsesAndSpacedThumbprintsAreCleanedAndBadRowsReported() throws Exception {
        CollectingSink sink = read(READER, skype("certificates.csv"), ReadOptions.NONE);

        assertThat(sink.sourceId).isEqualTo("skype-certificates:fe02.contoso.com");
        assertThat(sink.relationships).extracting(r -> r.properties().get("use"))
                .containsExactly("Default", "OAuthTokenIssuer");
        assertThat(sink.certificateRefs).containsExactly(DEFAULT, OAUTH);
        assertThat(sink.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("certificates.csv line 3").contains("DEADBEEF")
                    .contains("WebServicesExternal");
        });
    }

    @Test
    void missingServerIsRefusedWithTheHintAndNothingHandedOver() throws Exception {
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> READER.read(skype("certificates-noserver.json"),
                ReadOptions.NONE, sink))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("certificates-noserver.json")
                .hasMessageContaining("--server fe01.contoso.com");
        assertThat(sink.sourceId).isNull();
        assertThat(sink.nodes).isEmpty();
    }

    @Test
    void singleJsonObjectWithServerOptionIsOneAssignment() throws Exception {
        CollectingSink sink = read(READER, skype("certificates-noserver.json"),
                new ReadOptions("FE09.contoso.com", null, null));

        assertThat(sink.sourceId).isEqualTo("skype-certificates:fe09.contoso.com");
        assertThat(sink.tuples(Model.ASSIGNED))
                .containsExactly("fe09.contoso.com -ASSIGNED-> " + DEFAULT);
    }
}
