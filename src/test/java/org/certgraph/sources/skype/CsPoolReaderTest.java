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

class CsPoolReaderTest {

    private static final CsPoolReader READER = new CsPoolReader();

    @TempDir
    Path dir;

    @Test
    void wrappedUtf16ListOutputGivesPoolsServersAndServices() throws Exception {
        CollectingSink sink = read(READER, skype("pools.txt"), ReadOptions.NONE);

        assertThat(sink.sourceId).isEqualTo("skype-topology");
        assertThat(sink.nodes(Model.POOL)).containsOnlyKeys("pool01.contoso.com",
                "sql01.contoso.com");
        assertThat(sink.nodes(Model.POOL).get("pool01.contoso.com"))
                .containsEntry("site", "Redmond");
        assertThat(sink.nodes(Model.SERVER)).containsOnlyKeys("fe01.contoso.com",
                "fe02.contoso.com", "sql01.contoso.com");
        assertThat(sink.tuples(Model.MEMBER_OF)).contains(
                "fe01.contoso.com -MEMBER_OF-> pool01.contoso.com",
                "fe02.contoso.com -MEMBER_OF-> pool01.contoso.com");
        assertThat(sink.nodes(Model.SERVICE).get("WebServer:pool01.contoso.com"))
                .containsEntry("role", "WebServer").containsEntry("pool", "pool01.contoso.com")
                .containsEntry("use", "WebServicesInternal");
        assertThat(sink.nodes(Model.SERVICE).get("Registrar:pool01.contoso.com"))
                .containsEntry("use", "Default");
        assertThat(sink.nodes(Model.SERVICE).get("UserDatabase:sql01.contoso.com"))
                .doesNotContainKey("use");
        assertThat(sink.tuples(Model.HOSTED_BY)).contains(
                "WebServer:pool01.contoso.com -HOSTED_BY-> pool01.contoso.com",
                "UserDatabase:sql01.contoso.com -HOSTED_BY-> sql01.contoso.com");
        assertThat(sink.problems).isEmpty();
    }

    @Test
    void jsonCsvAndListOutputGiveTheSameFacts() throws Exception {
        var list = facts(read(READER, skype("pools.txt"), ReadOptions.NONE));

        assertThat(facts(read(READER, skype("pools.json"), ReadOptions.NONE)))
                .containsExactlyElementsOf(list);
        assertThat(facts(read(READER, skype("pools.csv"), ReadOptions.NONE)))
                .containsExactlyElementsOf(list);
    }

    @Test
    void shortenedListIsLoadedAsFarAsShownAndReported() throws Exception {
        Path file = dir.resolve("pools.txt");
        Files.writeString(file, "\r\nIdentity  : pool02.contoso.com\r\n"
                + "Services  : {Registrar:pool02.contoso.com, WebServer:pool02.contoso.com,"
                + " UserServer:pool02.contoso.com, ConferencingServer:pool02.contoso.com...}\r\n"
                + "Computers : {fe21.contoso.com, fe22.contoso.com}\r\n"
                + "Site      : Site:Dublin\r\n\r\n");

        CollectingSink sink = read(READER, file, ReadOptions.NONE);

        assertThat(sink.nodes(Model.SERVICE)).hasSize(4)
                .containsKey("ConferencingServer:pool02.contoso.com");
        assertThat(sink.problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("pools.txt line 2").contains("Services")
                    .contains("$FormatEnumerationLimit = -1");
        });
    }

    @Test
    void collectionTypeNameInCsvIsReportedWithTheCommandToUse() throws Exception {
        Path file = dir.resolve("pools.csv");
        Files.writeString(file, "#TYPE Microsoft.Rtc.Management.Xds.DisplayPool\r\n"
                + "\"Identity\",\"Services\",\"Computers\",\"Fqdn\",\"Site\"\r\n"
                + "\"pool01.contoso.com\",\"System.Collections.Generic.List`1[System.String]\","
                + "\"System.Collections.Generic.List`1[System.String]\",\"pool01.contoso.com\","
                + "\"Site:Redmond\"\r\n");

        CollectingSink sink = read(READER, file, ReadOptions.NONE);

        assertThat(sink.nodes(Model.POOL)).containsOnlyKeys("pool01.contoso.com");
        assertThat(sink.nodes(Model.SERVER)).isEmpty();
        assertThat(sink.problems).hasSize(2).allSatisfy(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("importers/skype.md");
        });
    }

    @Test
    void recognisesGetCsPoolOutput() throws Exception {
        assertThat(READER.recognises(Files.readString(skype("pools.json")))).isTrue();
        assertThat(READER.recognises(Files.readString(skype("pools.csv")))).isTrue();
        assertThat(READER.recognises("Identity : Global\r\nTrustedCACerts : {}\r\n")).isFalse();
    }
}
