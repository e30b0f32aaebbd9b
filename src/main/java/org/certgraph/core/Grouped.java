package org.certgraph.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.certgraph.graph.Graph;
import org.neo4j.driver.Record;

/**
 * One query for many keys, its rows grouped back by key: how nested GraphQL fields are
 * answered in one round trip per level.
 */
final class Grouped {

    private Grouped() {
    }

    /**
     * Runs {@code statement} with the keys as parameter {@code parameter}; each row is mapped
     * and filed under the key in column {@code keyColumn}. Every key gets a list, maybe empty.
     */
    static <T> Map<String, List<T>> load(Graph graph, String statement, String parameter,
                                         Collection<String> keys, String keyColumn,
                                         Function<Record, T> row) {
        Map<String, List<T>> result = new LinkedHashMap<>();
        keys.forEach(k -> result.put(k, new ArrayList<>()));
        graph.read(statement, Map.of(parameter, List.copyOf(keys)), records -> {
            for (Record r : records) {
                result.get(r.get(keyColumn).asString()).add(row.apply(r));
            }
            return null;
        });
        return result;
    }
}
