package org.certgraph.impact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certgraph.impact.Snapshot.Cert;
import org.certgraph.impact.Snapshot.Party;

/**
 * The dependencies of a snapshot as read from the graph, by position in a verdict list, and
 * what each one reads: the trust lists of its party and the servers of its service. What-if
 * changes never add or drop parties, services or trust lists, so every copy of the snapshot
 * lists its dependencies at the same positions, and the verdicts of one state can be updated
 * into those of another position by position.
 */
final class Dependents {

    private final int size;
    /** Where each party's dependencies start; the last element is {@link #size}. */
    private final int[] start;
    private final List<List<String>> lists = new ArrayList<>();
    private final Map<String, int[]> partiesByList;
    private final Map<String, int[]> positionsByServer;
    private final Map<String, List<String>> issuedBy = new HashMap<>();
    private final boolean uniqueKeys;

    Dependents(Snapshot s) {
        start = new int[s.parties.size() + 1];
        Map<String, List<Integer>> parties = new HashMap<>();
        Map<String, List<Integer>> positions = new HashMap<>();
        Set<String> keys = new HashSet<>();
        boolean unique = true;
        int position = 0;
        for (int i = 0; i < s.parties.size(); i++) {
            Party party = s.parties.get(i);
            start[i] = position;
            List<String> ids = List.copyOf(s.trustListsOf(party));
            lists.add(ids);
            for (String id : ids) {
                parties.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
            }
            for (String serviceId : party.services()) {
                Snapshot.Service service = s.services.get(serviceId);
                if (service == null) {
                    continue;
                }
                // The key of Verdicts.Dependency, which answers pair verdicts by.
                unique &= keys.add(party.key() + " -> " + serviceId);
                for (String server : service.servers()) {
                    positions.computeIfAbsent(server, k -> new ArrayList<>()).add(position);
                }
                position++;
            }
        }
        start[s.parties.size()] = position;
        size = position;
        uniqueKeys = unique;
        partiesByList = compact(parties);
        positionsByServer = compact(positions);
        for (Cert c : s.certs.values()) {
            for (String issuer : c.issuers()) {
                issuedBy.computeIfAbsent(issuer, k -> new ArrayList<>()).add(c.sha1());
            }
        }
    }

    private static Map<String, int[]> compact(Map<String, List<Integer>> lists) {
        Map<String, int[]> compact = new HashMap<>();
        lists.forEach((k, v) -> compact.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return compact;
    }

    /** How many dependencies there are. */
    int size() {
        return size;
    }

    /** The first position of the party at {@code index}. */
    int start(int index) {
        return start[index];
    }

    /** The position after the last one of the party at {@code index}. */
    int end(int index) {
        return start[index + 1];
    }

    /** How many parties the positions were laid out for. */
    int parties() {
        return start.length - 1;
    }

    /** The trust lists the party at {@code index} validates with. */
    List<String> lists(int index) {
        return lists.get(index);
    }

    /** The parties that validate with a trust list. */
    int[] partiesUsing(String list) {
        return partiesByList.getOrDefault(list, NONE);
    }

    /** The dependencies on a service that a server hosts, whether online or not. */
    int[] positionsServedBy(String server) {
        return positionsByServer.getOrDefault(server, NONE);
    }

    private static final int[] NONE = new int[0];

    /**
     * Whether no two dependencies share a key. When they do, a dependency is matched with its
     * earlier verdict by key, as the answers always have, rather than by position.
     */
    boolean uniqueKeys() {
        return uniqueKeys;
    }

    /**
     * The certificates whose chains can pass through any of {@code sha1s}: those and every
     * certificate issued, directly or further down, by one of them, in {@code s} (which may
     * hold certificates that changes added to the snapshot this index was built from).
     */
    Set<String> issuedUnder(Collection<String> sha1s, Snapshot s) {
        Map<String, List<String>> more = addedIssuers(s);
        Set<String> found = new HashSet<>(sha1s);
        Deque<String> todo = new ArrayDeque<>(sha1s);
        while (!todo.isEmpty()) {
            String issuer = todo.pop();
            for (Map<String, List<String>> index : List.of(issuedBy, more)) {
                for (String child : index.getOrDefault(issuer, List.of())) {
                    if (found.add(child)) {
                        todo.push(child);
                    }
                }
            }
        }
        return found;
    }

    /** Issuer links of the certificates {@code s} has beyond the snapshot read from the graph. */
    private static Map<String, List<String>> addedIssuers(Snapshot s) {
        Map<String, Cert> read = s.origin.certs;
        if (s.certs == read) {
            return Map.of();
        }
        Map<String, List<String>> more = new HashMap<>();
        for (Cert c : s.certs.values()) {
            if (!read.containsKey(c.sha1())) {
                for (String issuer : c.issuers()) {
                    more.computeIfAbsent(issuer, k -> new ArrayList<>()).add(c.sha1());
                }
            }
        }
        return more;
    }
}
