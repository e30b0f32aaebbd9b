package org.certgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import org.certgraph.core.CertGraph;
import org.certgraph.core.ImportProgress;
import org.certgraph.core.ImportRequest;
import org.certgraph.testing.TestNeo4j;
import org.junit.jupiter.api.Test;

/** Every example operation of the playground runs without errors on the sample estate. */
class ExamplesTest {

    @Test
    void everyExampleRunsOnTheSampleEstate() throws Exception {
        CertGraph graph = TestNeo4j.emptyGraph();
        graph.importCertificates(ImportRequest.of(List.of(Path.of("importers", "samples"))),
                ImportProgress.NONE);
        GraphQLService api = new GraphQLService(graph);
        List<String> names = Files.readAllLines(Path.of("graphql", "examples", "index.txt"))
                .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(names).hasSize(10);

        for (String name : names) {
            String query = Files.readString(Path.of("graphql", "examples", name));
            ExecutionResult result = api.execute(query, Map.of(), null);
            assertThat(result.getErrors()).as(name).isEmpty();
            Map<String, Object> data = result.getData();
            assertThat(data.values()).as(name).doesNotContainNull();
        }
    }
}
