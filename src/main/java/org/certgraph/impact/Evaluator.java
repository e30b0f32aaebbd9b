package org.certgraph.impact;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.certgraph.impact.Snapshot.Capability;
import org.certgraph.impact.Snapshot.Cert;
import org.certgraph.impact.Snapshot.Party;
import org.certgraph.impact.Snapshot.Service;
import org.certgraph.impact.Verdicts.Dependency;
import org.certgraph.impact.Verdicts.PathEntry;
import org.certgraph.impact.Verdicts.Reason;
import org.certgraph.impact.Verdicts.ServerVerdict;
import org.certgraph.impact.Verdicts.Status;

/**
 * Decides, for every relying party and every service it connects to, whether it works.
 *
 * <p>A server works for a party when the certificate it presents for the service's use chains
 * over verified issuer links to a root the party trusts, every certificate on the path is valid
 * at the evaluation time, and the party can verify every signature on the path (the root's own
 * self-signature is never checked) with every key on it. One working path is enough. When no
 * path reaches a trusted root, the verdict is UNTRUSTED, and the path to the top of what is
 * known is still checked for time and capability so every reason is reported at once. A
 * service works when all its servers do (OK), partly (DEGRADED) or not at all (OUTAGE); when
 * the party's capability is unknown the answer is UNKNOWN rather than a guess.
 */
final class Evaluator {

    private static final int MAX_DEPTH = 8;
    private static final int MAX_PATHS = 64;

    List<Dependency> evaluate(Snapshot s) {
        List<Dependency> result = new ArrayList<>();
        Map<String, ServerVerdict> cache = new HashMap<>();
        Map<List<String>, Set<String>> anchorsByLists = new HashMap<>();
        for (Party party : s.parties) {
            List<String> lists = s.trustListsOf(party);
            Set<String> anchors = anchorsByLists.computeIfAbsent(lists, k -> s.anchors(party));
            String anchorKey = lists.toString();
            for (String serviceId : party.services()) {
                Service service = s.services.get(serviceId);
                if (service == null) {
                    continue;
                }
                result.add(dependency(s, party, service, anchors, anchorKey, cache));
            }
        }
        return result;
    }

    private Dependency dependency(Snapshot s, Party party, Service service, Set<String> anchors,
                                  String anchorKey, Map<String, ServerVerdict> cache) {
        List<ServerVerdict> verdicts = new ArrayList<>();
        for (String server : s.servers(service)) {
            String sha1 = s.presented(server, service.use());
            String cacheKey = server + "|" + sha1 + "|" + anchorKey + "|"
                    + party.capability().hashCode() + "|" + service.dialName();
            verdicts.add(cache.computeIfAbsent(cacheKey,
                    k -> server(s, party.capability(), anchors, server, sha1, service)));
        }
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        verdicts.forEach(v -> reasons.addAll(v.reasons()));
        Status status;
        if (verdicts.isEmpty()) {
            status = Status.OUTAGE;
            reasons.add(Reason.NO_SERVER);
        } else {
            long ok = verdicts.stream().filter(v -> v.status() == Status.OK).count();
            long unknown = verdicts.stream().filter(v -> v.status() == Status.UNKNOWN).count();
            if (ok == verdicts.size()) {
                status = Status.OK;
            } else if (unknown > 0) {
                status = Status.UNKNOWN;
            } else {
                status = ok > 0 ? Status.DEGRADED : Status.OUTAGE;
            }
        }
        return new Dependency(party.key(), party.kind(), party.model(), party.version(),
                party.pool(), party.count(), service.id(), s.trustListsOf(party), status,
                reasons, verdicts);
    }

    ServerVerdict server(Snapshot s, Capability capability, Set<String> anchors, String server,
                         String sha1, Service service) {
        if (sha1 == null) {
            return new ServerVerdict(server, null, Status.OUTAGE, EnumSet.of(Reason.NO_CERTIFICATE),
                    List.of(), server + " presents no certificate for " + service.use());
        }
        List<List<String>> trusted = new ArrayList<>();
        List<List<String>> ends = new ArrayList<>();
        walk(s, sha1, new ArrayDeque<>(), anchors, trusted, ends);

        Set<Reason> names = nameCheck(s.certs.get(sha1), service.dialName());
        List<Candidate> candidates = new ArrayList<>();
        for (List<String> path : trusted) {
            candidates.add(new Candidate(path, problems(s, path, true, capability), null));
        }
        if (candidates.isEmpty()) {
            for (List<String> path : ends) {
                Set<Reason> reasons = problems(s, path, false, capability);
                reasons.add(Reason.UNTRUSTED);
                candidates.add(new Candidate(path, reasons, missingLink(s, path)));
            }
        }
        Candidate best = candidates.stream()
                .min(Comparator.comparingInt(Candidate::rank)).orElseThrow();
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        reasons.addAll(best.reasons());
        Status status = reasons.isEmpty() ? Status.OK
                : reasons.equals(EnumSet.of(Reason.CAPABILITY_UNKNOWN)) ? Status.UNKNOWN
                : Status.OUTAGE;
        reasons.addAll(names);
        return new ServerVerdict(server, sha1, status, reasons, entries(s, best.path()),
                best.missingLink());
    }

    private record Candidate(List<String> path, Set<Reason> reasons, String missingLink) {
        int rank() {
            if (reasons.isEmpty()) {
                return 0;
            }
            if (reasons.equals(EnumSet.of(Reason.CAPABILITY_UNKNOWN))) {
                return 1;
            }
            return 2 + reasons.size();
        }
    }

    private void walk(Snapshot s, String sha1, Deque<String> path, Set<String> anchors,
                      List<List<String>> trusted, List<List<String>> ends) {
        if (trusted.size() + ends.size() >= MAX_PATHS) {
            return;
        }
        path.addLast(sha1);
        Cert cert = s.certs.get(sha1);
        if (anchors.contains(sha1)) {
            trusted.add(new ArrayList<>(path));
        } else {
            List<String> issuers = cert == null || cert.selfSigned() ? List.of()
                    : cert.issuers().stream()
                            .filter(i -> !s.removed.contains(i) && !path.contains(i))
                            .toList();
            if (issuers.isEmpty() || path.size() > MAX_DEPTH) {
                ends.add(new ArrayList<>(path));
            } else {
                for (String issuer : issuers) {
                    walk(s, issuer, path, anchors, trusted, ends);
                }
            }
        }
        path.removeLast();
    }

    private static Set<Reason> problems(Snapshot s, List<String> path, boolean trusted,
                                        Capability capability) {
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
            boolean selfSignatureOnly = top && (trusted || c.selfSigned());
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

    private static String missingLink(Snapshot s, List<String> path) {
        String top = path.get(path.size() - 1);
        Cert c = s.certs.get(top);
        if (c == null || c.unresolved()) {
            return "certificate " + top + " is known only by its thumbprint; import its bytes "
                    + "to follow its chain";
        }
        if (c.selfSigned()) {
            return "the chain ends at " + c.subject() + " (" + top + "), which no trust list of "
                    + "this party holds as a root";
        }
        return "no issuer of " + c.subject() + " (" + top + ") is in the graph; import the "
                + "issuing CA's certificate";
    }

    private static Set<Reason> nameCheck(Cert leaf, String dialName) {
        if (leaf == null || leaf.unresolved() || dialName == null) {
            return Set.of();
        }
        String name = dialName.toLowerCase(Locale.ROOT);
        for (String dns : leaf.dnsNames()) {
            String d = dns.toLowerCase(Locale.ROOT);
            if (d.equals(name) || d.startsWith("*.") && name.endsWith(d.substring(1))
                    && name.indexOf('.') == name.length() - d.length() + 1) {
                return Set.of();
            }
        }
        String subject = leaf.subject() == null ? "" : leaf.subject().toLowerCase(Locale.ROOT);
        return subject.contains("cn=" + name) ? Set.of() : EnumSet.of(Reason.NAME_MISMATCH);
    }

    private static List<PathEntry> entries(Snapshot s, List<String> path) {
        return path.stream().map(sha1 -> {
            Cert c = s.certs.get(sha1);
            return new PathEntry(sha1, c == null ? null : c.subject(),
                    c == null ? null : c.signatureHash());
        }).toList();
    }
}
