package org.certgraph.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReader;
import org.certgraph.sources.skype.CsCertificateReader;
import org.certgraph.sources.skype.CsDeviceUpdateRuleReader;
import org.certgraph.sources.skype.CsPoolReader;
import org.certgraph.sources.skype.CsWebServiceConfigurationReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records written in every shape read back as the same facts. */
class CmdletOutputWriterTest {

    @TempDir
    Path dir;

    private static Map<String, Object> record(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private List<String> factsOf(SourceReader reader, String name, String text,
                                 ReadOptions options) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        CollectingSink sink = new CollectingSink();
        reader.read(file, options, sink);
        assertThat(sink.problems).as(name).isEmpty();
        List<String> facts = new ArrayList<>();
        facts.add(sink.sourceId);
        sink.certificateRefs.forEach(facts::add);
        sink.nodes.forEach(n -> facts.add(n.label() + " " + n.key() + " " + n.properties()));
        sink.relationships.forEach(r -> facts.add(r.tuple() + " " + r.properties()));
        return facts;
    }

    private void sameFactsInEveryShape(SourceReader reader, List<Map<String, Object>> records,
                                       ReadOptions options, int expectedAtLeast)
            throws Exception {
        List<String> json = factsOf(reader, "out.json", CmdletOutputWriter.json(records),
                options);
        List<String> csv = factsOf(reader, "out.csv", CmdletOutputWriter.csv(records,
                "Selected.Some.Type"), options);
        List<String> list = factsOf(reader, "out.txt", CmdletOutputWriter.list(records, 60),
                options);

        assertThat(json).hasSizeGreaterThanOrEqualTo(expectedAtLeast);
        assertThat(csv).containsExactlyElementsOf(json);
        assertThat(list).containsExactlyElementsOf(json);
    }

    @Test
    void poolsRoundTrip() throws Exception {
        sameFactsInEveryShape(new CsPoolReader(), List.of(
                record("Identity", "pool01.contoso.com", "Fqdn", "pool01.contoso.com",
                        "Site", "Site:Redmond", "Services", List.of(
                                "Registrar:pool01.contoso.com", "WebServer:pool01.contoso.com",
                                "ConferencingServer:pool01.contoso.com"),
                        "Computers", List.of("fe01.contoso.com", "fe02.contoso.com")),
                record("Identity", "edge01.contoso.com", "Fqdn", "edge01.contoso.com",
                        "Site", "Site:Redmond", "Services",
                        List.of("EdgeServer:edge01.contoso.com"),
                        "Computers", List.of("edge01.contoso.com"))),
                ReadOptions.NONE, 12);
    }

    @Test
    void certificatesRoundTrip() throws Exception {
        sameFactsInEveryShape(new CsCertificateReader(), List.of(
                record("Use", "Default", "Thumbprint",
                        "8D6E5F4A3B2C1D0E9F8A7B6C5D4E3F2A1B0C9D8E",
                        "Subject", "CN=pool01.contoso.com, O=\"Contoso, Ltd\"",
                        "PSComputerName", "fe01.contoso.com"),
                record("Use", "urn:certref:OAuthTokenIssuer", "Thumbprint",
                        "0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D",
                        "PSComputerName", "fe01.contoso.com")),
                ReadOptions.NONE, 5);
    }

    @Test
    void webServiceConfigurationsRoundTrip() throws Exception {
        sameFactsInEveryShape(new CsWebServiceConfigurationReader(), List.of(
                record("Identity", "Global", "TrustedCACerts", List.of(
                        record("Thumbprint", "1111111111111111111111111111111111111111",
                                "CAStore", "TrustedRootCA"),
                        record("Thumbprint", "2222222222222222222222222222222222222222",
                                "CAStore", "IntermediateCA")),
                        "InferCertChainFromSSL", Boolean.FALSE),
                record("Identity", "Site:Redmond", "TrustedCACerts", List.of(),
                        "InferCertChainFromSSL", Boolean.TRUE)),
                ReadOptions.NONE, 7);
    }

    @Test
    void deviceUpdateRulesRoundTrip() throws Exception {
        sameFactsInEveryShape(new CsDeviceUpdateRuleReader(), List.of(
                record("Identity", "service:WebServer:pool01.contoso.com/"
                        + "d5ce3c10-2588-420a-82ac-dc2d9b1222f9", "DeviceType", "UCPhone",
                        "Brand", "HP", "Model", "4120", "Locale", "ENU",
                        "ApprovedVersion", "4.0.7577.4100", "PendingVersion", "4.0.7577.4420")),
                ReadOptions.NONE, 8);
    }

    @Test
    void listViewCutsLongValuesAtTheWidth() {
        String text = CmdletOutputWriter.list(List.of(record("Name", "x".repeat(100))), 40);

        assertThat(text.split("\r\n")).allSatisfy(line -> assertThat(line.length())
                .isLessThanOrEqualTo(40));
    }
}
