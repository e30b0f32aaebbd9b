package org.certgraph.impact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certgraph.impact.Change.RemoveAuthority;
import org.certgraph.impact.Change.RemoveCertificate;
import org.certgraph.impact.Change.RemoveTrust;
import org.certgraph.impact.Verdicts.Dependency;
import org.certgraph.impact.Verdicts.PathEntry;
import org.certgraph.impact.Verdicts.ServerVerdict;
import org.certgraph.impact.Verdicts.Status;

/**
 * Explains why a removal broke nothing: the dependencies whose paths went through the removed
 * certificate and that still work, and the roots their paths reach now.
 */
final class Notes {

    private Notes() {
    }

    static List<String> of(List<Change> applied, Snapshot before, Comparison compared) {
        List<String> notes = new ArrayList<>();
        for (Change change : applied) {
            Set<String> removed = removedBy(change, before);
            if (removed.isEmpty()) {
                continue;
            }
            String list = change instanceof RemoveTrust r ? r.trustList() : null;
            int[] still = {0};
            Map<String, String> anchors = new LinkedHashMap<>();
            compared.forEach((b, after) -> {
                boolean concerned = list != null ? b != null && b.trustLists().contains(list)
                        : b != null && passesThrough(b, removed);
                if (!concerned || b.status() != Status.OK || after.status() != Status.OK) {
                    return;
                }
                still[0]++;
                for (ServerVerdict v : after.servers()) {
                    if (!v.path().isEmpty()) {
                        PathEntry top = v.path().get(v.path().size() - 1);
                        anchors.put(top.sha1(), top.subject());
                    }
                }
            });
            if (still[0] > 0) {
                List<String> roots = new ArrayList<>();
                anchors.forEach((sha1, subject) -> roots.add(subject + " (" + sha1 + ")"));
                notes.add(change.describe() + ": " + still[0] + " dependencies "
                        + (list != null ? "that validate with " + list : "that had it on a path")
                        + " still work, because their paths still reach "
                        + String.join(", ", roots) + ", which their trust lists hold as a root.");
            }
        }
        return notes;
    }

    /**
     * The certificates that removals of certificates and authorities among {@code applied}
     * take away: a note looks at every dependency whose path went through one of them.
     */
    static Set<String> removedCertificates(List<Change> applied, Snapshot before) {
        Set<String> removed = new HashSet<>();
        for (Change change : applied) {
            if (!(change instanceof RemoveTrust)) {
                removed.addAll(removedBy(change, before));
            }
        }
        return removed;
    }

    /** The trust lists that {@code applied} remove entries from: a note looks at their users. */
    static Set<String> listsRemovedFrom(List<Change> applied) {
        Set<String> lists = new HashSet<>();
        for (Change change : applied) {
            if (change instanceof RemoveTrust r) {
                lists.add(r.trustList());
            }
        }
        return lists;
    }

    private static boolean passesThrough(Dependency d, Set<String> removed) {
        return d.servers().stream().anyMatch(v -> v.path().stream()
                .anyMatch(e -> removed.contains(e.sha1())));
    }

    private static Set<String> removedBy(Change change, Snapshot before) {
        if (change instanceof RemoveTrust c) {
            return Set.of(c.certificate());
        }
        if (change instanceof RemoveCertificate c) {
            return Set.of(c.certificate());
        }
        if (change instanceof RemoveAuthority c) {
            return Set.copyOf(before.certs.values().stream()
                    .filter(x -> x.authorities().contains(c.authority()))
                    .map(Snapshot.Cert::sha1).toList());
        }
        return Set.of();
    }
}
