package org.certgraph.sources.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.ReadOptions;
import org.junit.jupiter.api.Test;

/** The small inventory sample that importers/inventory.md links to reads without a problem. */
class InventorySampleTest {

    @Test
    void theInventorySampleReadsCleanly() throws Exception {
        Path file = Path.of("importers/samples-small/inventory.yaml");
        CollectingSink sink = new CollectingSink();
        InventoryReader reader = new InventoryReader();

        assertThat(reader.recognises(Files.readString(file))).isTrue();
        reader.read(file, ReadOptions.NONE, sink);

        assertThat(sink.problems).isEmpty();
        assertThat(sink.certificates).hasSize(2);
    }
}
