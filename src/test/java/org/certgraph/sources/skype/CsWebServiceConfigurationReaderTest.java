package org.certgraph.sources.skype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certgraph.sources.skype.Fixtures.facts;
import static org.certgraph.sources.skype.Fixtures.read;
import static org.certgraph.sources.skype.Fixtures.skype;

import java.nio.file.Files;
import java.nio.file.Path;

import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsWebServiceConfigurationReaderTest {

    private static final CsWebServiceConfigurationReader READER =
            new CsWebServiceConfigurationReader();
    private static final String OLD_ROOT = "1111111111111111111111111111111111111111";
    private static final String OLD_CA = "2222222222222222222222222222222222222222";
    private static final String NEW_ROOT = "3333333333333333333333333333333333333333";

    @TempDir
    Path dir;

    @Test
    void eachScopeIsATrustListOfItsTrustedCas() throws Exception {
        CollectingSink sink = read(READER, skype("webservice.txt"), ReadOptions.NONE);

        assertThat(sink.sourceId).isEqualTo("skype-webservice");
        assertThat(sink.nodes(Model.TRUST_LIST)).containsOnlyKeys("webservice:global",
                "webservice:site:Redmond", "webservice:service:WebServer:pool01.contoso.com");
        assertThat(sink.nodes(Model.TRUST_LIST).get("webservice:global"))
                .containsEntry("kind", "webservice").containsEntry("scope", "global")
                .containsEntry("inferCertChainFromSsl", false);
        assertThat(sink.nodes(Model.TRUST_LIST).get("webservice:site:Redmond"))
                .containsEntry("inferCertChainFromSsl", true);
        assertThat(sink.certificateRefs).containsExactly(OLD_ROOT, OLD_CA, NEW_ROOT);
        assertThat(sink.relationships).extracting(r -> r.tuple() + " " + r.properties())
                .containsExactly(
                        "webservice:global -TRUSTS-> " + OLD_ROOT + " {store=TrustedRootCA}",
                        "webservice:global -TRUSTS-> " + OLD_CA + " {store=IntermediateCA}",
                        "webservice:service:WebServer:pool01.contoso.com -TRUSTS-> " + NEW_ROOT
                                + " {store=TrustedRootCA}");
        assertThat(sink.problems).isEmpty();
    }

    @Test
    void jsonWithEntryObjectsGivesTheSameFactsAsTheListView() throws Exception {
        assertThat(facts(read(READER, skype("webservice.json"), ReadOptions.NONE)))
                .containsExactlyElementsOf(facts(read(READER, skype("webservice.txt"),
                        ReadOptions.NONE)));
    }

    @Test
    void entriesWithUnknownStoresOrTypeNamesAreReported() throws Exception {
        Path file = dir.resolve("webservice.txt");
        Files.writeString(file, "\r\n\r\nIdentity       : Global\r\n"
                + "TrustedCACerts : {Thumbprint=" + OLD_ROOT + ";CAStore=2, Microsoft.Rtc."
                + "Management.WritableConfig.Settings.Web.CACertID}\r\n\r\n"
                + "Identity       : Site:Oslo\r\n"
                + "TrustedCACerts : {CAStore=IntermediateCA;Thumbprint=" + OLD_CA + "}\r\n");

        CollectingSink sink = read(READER, file, ReadOptions.NONE);

        assertThat(sink.tuples(Model.TRUSTS))
                .containsExactly("webservice:site:Oslo -TRUSTS-> " + OLD_CA);
        assertThat(sink.problems).hasSize(1);
        assertThat(sink.problems.get(0).line()).isEqualTo(3);
        assertThat(sink.problems.get(0).message()).contains("CACertID")
                .contains("importers/skype.md");
    }

    @Test
    void numericStoreIsReportedWithTheExportHint() throws Exception {
        Path file = dir.resolve("webservice.json");
        Files.writeString(file, "{\"Identity\": \"Global\", \"TrustedCACerts\": ["
                + "{\"Thumbprint\": \"" + OLD_ROOT + "\", \"CAStore\": 0}]}");

        CollectingSink sink = read(READER, file, ReadOptions.NONE);

        assertThat(sink.tuples(Model.TRUSTS)).isEmpty();
        assertThat(sink.nodes(Model.TRUST_LIST)).containsOnlyKeys("webservice:global");
        assertThat(sink.problems).singleElement().satisfies(p -> assertThat(p.message())
                .contains("CAStore \"0\"").contains("importers/skype.md"));
    }
}
