package org.certgraph.impact;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.certgraph.impact.Verdicts.Dependency;

/**
 * The verdicts of two states of one snapshot side by side, where the second list was updated
 * from the first at the {@code affected} positions (see {@link Evaluator#update}). Only those
 * can differ, so only those are compared.
 */
record Comparison(List<Dependency> before, List<Dependency> after, BitSet affected,
                  boolean byKey) {

    /**
     * The comparison of two verdict lists of {@code s}. When two dependencies share a key, each
     * is compared with the last earlier verdict of its key, over the whole list, as the answers
     * always have been.
     */
    static Comparison of(Snapshot s, List<Dependency> before, List<Dependency> after,
                         BitSet affected) {
        boolean byKey = !s.dependents().uniqueKeys() || before.size() != after.size();
        return new Comparison(before, after, affected, byKey);
    }

    /**
     * Calls {@code pair} with the earlier verdict (null when there was none) and the later one
     * of every dependency whose verdict can differ, in the order of the later list.
     */
    void forEach(BiConsumer<Dependency, Dependency> pair) {
        if (byKey) {
            Map<String, Dependency> earlier = new HashMap<>();
            before.forEach(d -> earlier.put(d.key(), d));
            after.forEach(d -> pair.accept(earlier.get(d.key()), d));
            return;
        }
        for (int i = affected.nextSetBit(0); i >= 0; i = affected.nextSetBit(i + 1)) {
            pair.accept(before.get(i), after.get(i));
        }
    }
}
