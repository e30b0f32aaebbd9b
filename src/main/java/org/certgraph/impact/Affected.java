package org.certgraph.impact;

import java.time.Instant;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certgraph.impact.Snapshot.Cert;
import org.certgraph.impact.Snapshot.TrustList;

/**
 * Finds the dependencies whose verdict can differ between two states of one snapshot, so that
 * only those are evaluated again.
 *
 * <p>A verdict reads the party, the anchors of its trust lists, the servers of its service that
 * are online, the certificate each presents, and the certificates above it: issuers that are
 * not removed, with their validity at the evaluation time. A dependency is affected when its
 * party was replaced, one of its trust lists was edited or holds a certificate whose removal
 * changed, one of its servers went offline or online or had its assignments edited, or a
 * server presents a certificate at or below one that was removed, restored, added, or whose
 * validity starts or ends between the two times. Copies replace what they edit (see
 * {@link Snapshot}), so an edit shows as a different object and nothing has to be compared by
 * content. The answer may hold dependencies that end up unchanged; it never misses one.
 */
final class Affected {

    private Affected() {
    }

    /**
     * The positions (see {@link Dependents}) of the dependencies of {@code after} whose verdict
     * can differ from that in {@code before}, plus those of the parties validating with
     * {@code lists} and of the servers presenting certificates at or below {@code certs}.
     */
    static BitSet between(Snapshot before, Snapshot after, Collection<String> certs,
                          Collection<String> lists) {
        Dependents d = after.dependents();
        BitSet affected = new BitSet(d.size());
        Set<String> below = new HashSet<>(certs);
        Set<String> removals = symmetricDifference(before.removed, after.removed);
        below.addAll(removals);
        below.addAll(validityChanges(after, before.at, after.at));
        below.addAll(added(before.certs, after.certs));

        Set<String> edited = new HashSet<>(lists);
        edited.addAll(editedLists(before, after, removals));
        for (String list : edited) {
            for (int party : d.partiesUsing(list)) {
                affected.set(d.start(party), d.end(party));
            }
        }
        if (before.parties != after.parties) {
            for (int i = 0; i < after.parties.size(); i++) {
                if (before.parties.get(i) != after.parties.get(i)) {
                    affected.set(d.start(i), d.end(i));
                }
            }
        }

        Set<String> servers = symmetricDifference(before.offline, after.offline);
        if (before.assignments != after.assignments) {
            servers.addAll(editedKeys(before.assignments, after.assignments));
        }
        if (!below.isEmpty()) {
            Set<String> chains = d.issuedUnder(below, after);
            servers.addAll(presenting(before.assignments, chains));
            if (after.assignments != before.assignments) {
                servers.addAll(presenting(after.assignments, chains));
            }
        }
        for (String server : servers) {
            for (int position : d.positionsServedBy(server)) {
                affected.set(position);
            }
        }
        return affected;
    }

    /** Certificates valid at one of the times and not at the other. */
    private static Set<String> validityChanges(Snapshot s, Instant from, Instant to) {
        Set<String> changed = new HashSet<>();
        if (from.equals(to)) {
            return changed;
        }
        Instant early = from.isBefore(to) ? from : to;
        Instant late = from.isBefore(to) ? to : from;
        for (Cert c : s.certs.values()) {
            if (within(c.notBefore(), early, late) || within(c.notAfter(), early, late)) {
                changed.add(c.sha1());
            }
        }
        return changed;
    }

    private static boolean within(Instant t, Instant early, Instant late) {
        return t != null && !t.isBefore(early) && !t.isAfter(late);
    }

    private static Set<String> added(Map<String, Cert> before, Map<String, Cert> after) {
        Set<String> added = new HashSet<>();
        if (before != after) {
            added.addAll(editedKeys(before, after));
        }
        return added;
    }

    /** Trust lists replaced by an edit, or holding a certificate whose removal changed. */
    private static Set<String> editedLists(Snapshot before, Snapshot after,
                                           Set<String> removals) {
        Set<String> edited = new HashSet<>();
        if (before.trustLists != after.trustLists) {
            edited.addAll(editedKeys(before.trustLists, after.trustLists));
        }
        if (!removals.isEmpty()) {
            for (Map<String, TrustList> lists : List.of(before.trustLists, after.trustLists)) {
                for (TrustList list : lists.values()) {
                    if (holdsAny(list.entries(), removals)) {
                        edited.add(list.id());
                    }
                }
            }
        }
        return edited;
    }

    private static boolean holdsAny(Map<String, String> entries, Set<String> sha1s) {
        for (String sha1 : sha1s) {
            if (entries.containsKey(sha1)) {
                return true;
            }
        }
        return false;
    }

    /** Keys whose value is not the same object in both maps (or is in only one). */
    private static <V> Set<String> editedKeys(Map<String, V> before, Map<String, V> after) {
        Set<String> edited = new HashSet<>();
        after.forEach((k, v) -> {
            if (before.get(k) != v) {
                edited.add(k);
            }
        });
        before.forEach((k, v) -> {
            if (!after.containsKey(k)) {
                edited.add(k);
            }
        });
        return edited;
    }

    /** Servers that present one of {@code sha1s} for any use. */
    private static Set<String> presenting(Map<String, Map<String, String>> assignments,
                                          Set<String> sha1s) {
        Set<String> servers = new HashSet<>();
        assignments.forEach((server, uses) -> {
            for (String sha1 : uses.values()) {
                if (sha1s.contains(sha1)) {
                    servers.add(server);
                    return;
                }
            }
        });
        return servers;
    }

    private static Set<String> symmetricDifference(Set<String> a, Set<String> b) {
        Set<String> difference = new HashSet<>();
        if (a.equals(b)) {
            return difference;
        }
        a.forEach(x -> {
            if (!b.contains(x)) {
                difference.add(x);
            }
        });
        b.forEach(x -> {
            if (!a.contains(x)) {
                difference.add(x);
            }
        });
        return difference;
    }
}
