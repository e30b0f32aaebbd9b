package org.certgraph.sources.phones;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.junit.jupiter.api.Test;

/** The small phone samples that importers/phones.md links to read without a problem. */
class PhoneSamplesTest {

    static final Path SAMPLES = Path.of("importers/samples-small");

    @Test
    void thePhoneSamplesAndTheSiteKnowledgeReadCleanly() throws Exception {
        FirmwareKnowledge knowledge = FirmwareKnowledge.load(
                Path.of("importers/knowledge/firmware.yaml"))
                .withSite(SAMPLES.resolve("site-knowledge.yaml"));
        PhoneInventoryReader reader = new PhoneInventoryReader(knowledge);
        for (String name : new String[] {"phones-per-phone.csv", "phones-grouped.csv"}) {
            Path file = SAMPLES.resolve(name);
            CollectingSink sink = new CollectingSink();

            assertThat(reader.recognises(Files.readString(file))).isTrue();
            reader.read(file, ReadOptions.NONE, sink);

            assertThat(sink.problems).isEmpty();
            assertThat(sink.nodes(Model.HANDSET)).isNotEmpty();
        }
    }
}
