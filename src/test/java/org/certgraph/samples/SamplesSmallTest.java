package org.certgraph.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.certgraph.sources.CollectingSink;
import org.certgraph.sources.Model;
import org.certgraph.sources.ReadOptions;
import org.certgraph.sources.SourceReader;
import org.certgraph.sources.TextFiles;
import org.certgraph.core.SourceReaders;
import org.certgraph.sources.skype.CsWebServiceConfigurationReader;
import org.certgraph.sources.windows.CertStoreReader;
import org.junit.jupiter.api.Test;

/** The small samples the importer pages link to are recognised by one reader and load cleanly. */
class SamplesSmallTest {

    private static final List<SourceReader> READERS = SourceReaders.all();
    private static final ReadOptions OPTIONS = new ReadOptions(null, null,
            "Contoso Issuing CA 1");

    @Test
    void everySampleIsRecognisedByOneReaderAndLoadsWithoutProblems() throws Exception {
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("importers", "samples-small"))) {
            samples = files.sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(6);
        for (Path sample : samples) {
            String name = sample.getFileName().toString();
            if (Files.isDirectory(sample) || name.contains("knowledge")) {
                continue;
            }
            String head = TextFiles.head(sample, 4096);
            List<SourceReader> matching = READERS.stream().filter(r -> r.recognises(head))
                    .toList();
            assertThat(matching).as(sample.getFileName().toString()).hasSize(1);
            CollectingSink sink = new CollectingSink();
            matching.get(0).read(sample, OPTIONS, sink);
            assertThat(sink.problems).as(sample.getFileName().toString()).isEmpty();
            assertThat(sink.nodes.size() + sink.certificates.size()).isPositive();
        }
    }

    @Test
    void storeSamplesHoldTheCasTheWebServiceTrusts() throws Exception {
        Path dir = Path.of("importers", "samples-small");
        CollectingSink root = new CollectingSink();
        new CertStoreReader().read(dir.resolve("fe01.contoso.com-Root.csv"), ReadOptions.NONE,
                root);
        CollectingSink webservice = new CollectingSink();
        new CsWebServiceConfigurationReader().read(dir.resolve("webservice.json"),
                ReadOptions.NONE, webservice);

        assertThat(root.certificates).hasSize(1);
        assertThat(webservice.certificateRefs).contains(root.certificates.get(0).sha1());
        assertThat(webservice.tuples(Model.TRUSTS)).hasSize(2);
    }
}
