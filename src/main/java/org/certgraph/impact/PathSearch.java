package org.certgraph.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.certgraph.impact.Snapshot.Capability;
import org.certgraph.impact.Snapshot.Cert;
import org.certgraph.impact.Verdicts.Reason;

/**
 * Finds the path that decides whether a party accepts a certificate: depth first from the
 * certificate over verified issuer links that are not removed, never through a certificate
 * twice, at most {@value #MAX_DEPTH} certificates deep and {@value #MAX_PATHS} paths in all.
 * A path ends at an anchor of the party, or where no issuer is left to follow. Any path to an
 * anchor beats every other path; among paths of one kind the best ranked decides, the first
 * found of equals. The search keeps only the best path so far, so evaluating many servers
 * makes little garbage; one search serves one evaluation after another.
 */
final class PathSearch {

    static final int MAX_DEPTH = 8;
    static final int MAX_PATHS = 64;

    private final Snapshot s;
    private final List<String> path = new ArrayList<>();
    private Set<String> anchors;
    private Capability capability;
    private int found;
    private List<String> best;
    private Set<Reason> bestReasons;
    private boolean trusted;

    PathSearch(Snapshot s) {
        this.s = s;
    }

    /** Searches from {@code sha1} for a party with these anchors and this capability. */
    void from(String sha1, Set<String> anchors, Capability capability) {
        this.anchors = anchors;
        this.capability = capability;
        found = 0;
        best = null;
        bestReasons = null;
        trusted = false;
        path.clear();
        walk(sha1);
    }

    /** The deciding path of the last search, leaf first. */
    List<String> path() {
        return best;
    }

    /** Why the deciding path fails (empty when it works); a new set for each search. */
    Set<Reason> reasons() {
        return bestReasons;
    }

    /** Whether the deciding path reaches an anchor of the party. */
    boolean trusted() {
        return trusted;
    }

    /** Whether nothing but the party's capability is in doubt. */
    static boolean onlyCapabilityUnknown(Set<Reason> reasons) {
        return reasons.size() == 1 && reasons.contains(Reason.CAPABILITY_UNKNOWN);
    }

    private void walk(String sha1) {
        if (found >= MAX_PATHS) {
            return;
        }
        path.add(sha1);
        Cert cert = s.certs.get(sha1);
        if (anchors.contains(sha1)) {
            found++;
            consider(true);
        } else {
            // Indexed loops: an iterator per certificate and search is garbage that counts.
            List<String> issuers = cert == null || cert.selfSigned() ? List.of() : cert.issuers();
            int next = 0;
            for (int i = 0; i < issuers.size(); i++) {
                next += follows(issuers.get(i)) ? 1 : 0;
            }
            if (next == 0 || path.size() > MAX_DEPTH) {
                found++;
                consider(false);
            } else {
                for (int i = 0; i < issuers.size(); i++) {
                    if (follows(issuers.get(i))) {
                        walk(issuers.get(i));
                    }
                }
            }
        }
        path.remove(path.size() - 1);
    }

    /** Whether the path may go on to an issuer: it is not removed and not already on it. */
    private boolean follows(String issuer) {
        return !s.removed.contains(issuer) && !path.contains(issuer);
    }

    /** Keeps the current path if it decides better than the best so far. */
    private void consider(boolean toAnchor) {
        if (!toAnchor && trusted) {
            return;
        }
        Set<Reason> reasons = problems(toAnchor);
        if (!toAnchor) {
            reasons.add(Reason.UNTRUSTED);
        }
        if (best == null || toAnchor && !trusted || rank(reasons) < rank(bestReasons)) {
            best = List.copyOf(path);
            bestReasons = reasons;
            trusted = toAnchor;
        }
    }

    /** A path that works, then one only the capability is in doubt for, then fewer reasons. */
    private static int rank(Set<Reason> reasons) {
        if (reasons.isEmpty()) {
            return 0;
        }
        if (onlyCapabilityUnknown(reasons)) {
            return 1;
        }
        return 2 + reasons.size();
    }

    /** Time and capability problems on the current path. */
    private Set<Reason> problems(boolean toAnchor) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        Instant at = s.at;
        for (int i = 0; i < path.size(); i++) {
            Cert c = s.certs.get(path.get(i));
            if (c == null || c.unresolved()) {
                continue;
            }
            if (c.notBefore() != null && at.isBefore(c.notBefore())) {
                reasons.add(Reason.NOT_YET_VALID);
            }
            if (c.notAfter() != null && at.isAfter(c.notAfter())) {
                reasons.add(Reason.EXPIRED);
            }
            boolean top = i == path.size() - 1;
            boolean selfSignatureOnly = top && (toAnchor || c.selfSigned());
            if (!selfSignatureOnly) {
                if (capability.signatureHashes() == null) {
                    reasons.add(Reason.CAPABILITY_UNKNOWN);
                } else if (!capability.signatureHashes().contains(c.signatureHash())) {
                    reasons.add(Reason.UNSUPPORTED_SIGNATURE);
                }
            }
            if (capability.keys() != null && c.key() != null
                    && !capability.keys().contains(c.key())) {
                reasons.add(Reason.UNSUPPORTED_KEY);
            }
        }
        return reasons;
    }
}
