package org.certgraph.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.phones.FirmwareKnowledge;
import org.certgraph.sources.phones.PhoneInventoryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneInventoryWriterTest {

    @TempDir
    Path folder;

    private CollectingSink read(Path file) throws Exception {
        CollectingSink sink = new CollectingSink();
        PhoneInventoryReader reader = new PhoneInventoryReader(FirmwareKnowledge.load(
                Path.of("importers/knowledge/firmware.yaml")));
        assertThat(reader.recognises(Files.readString(file))).isTrue();
        reader.read(file, ReadOptions.NONE, sink);
        return sink;
    }

    @Test
    void perPhoneInventoriesReadBackAsTheSamePhones() throws Exception {
        Path file = folder.resolve("phones.csv");
        PhoneInventoryWriter.writePhones(file, List.of(
                new PhoneInventoryWriter.Phone("sip:alice@contoso.com", "HP 4120",
                        "4.0.7577.4372", "pool01.contoso.com"),
                new PhoneInventoryWriter.Phone("bob@contoso.com", "Polycom VVX 411",
                        "5.9.5.614", "pool02.contoso.com")));

        CollectingSink sink = read(file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .startsWith(PhoneInventoryWriter.PHONE_HEADER + "\r\n");
        assertThat(sink.problems).isEmpty();
        assertThat(sink.tuples(Model.RUNS)).containsExactly(
                "sip:alice@contoso.com -RUNS-> HP 4120|4.0.7577.4372",
                "sip:bob@contoso.com -RUNS-> Polycom VVX 411|5.9.5.614");
        assertThat(sink.nodes(Model.HANDSET).get("sip:bob@contoso.com"))
                .containsEntry("pool", "pool02.contoso.com").containsEntry("count", 1L);
    }

    @Test
    void groupedInventoriesReadBackWithTheirCounts() throws Exception {
        Path file = folder.resolve("groups.csv");
        PhoneInventoryWriter.writeGroups(file, List.of(
                new PhoneInventoryWriter.Group("HP 4120", "4.0.7577.4372", "pool01.contoso.com",
                        250),
                new PhoneInventoryWriter.Group("Polycom CX600, rev B", "4.0.7577.4420",
                        "pool01.contoso.com", 3)));

        CollectingSink sink = read(file);

        assertThat(sink.nodes(Model.HANDSET)).containsOnlyKeys(
                "group:HP 4120|4.0.7577.4372|pool01.contoso.com",
                "group:Polycom CX600, rev B|4.0.7577.4420|pool01.contoso.com");
        assertThat(sink.nodes(Model.HANDSET)
                .get("group:HP 4120|4.0.7577.4372|pool01.contoso.com"))
                .containsEntry("count", 250L);
    }
}
