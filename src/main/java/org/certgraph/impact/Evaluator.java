package org.certgraph.impact;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
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

    /** Every dependency of {@code s} with its verdict, at the positions of {@link Dependents}. */
    List<Dependency> evaluate(Snapshot s) {
        return update(s, null, null);
    }

    /**
     * The verdicts of {@code s}, given the verdicts {@code prior} of an earlier state of the
     * same snapshot: only the dependencies at the {@code affected} positions (see
     * {@link Affected}) are evaluated, the others keep their verdict from {@code prior}.
     * Without a prior every dependency is evaluated.
     */
    List<Dependency> update(Snapshot s, List<Dependency> prior, BitSet affected) {
        Dependents d = s.dependents();
        boolean reuse = prior != null && prior.size() == d.size()
                && d.parties() == s.parties.size();
        Dependency[] result = new Dependency[d.size()];
        Run run = new Run(s);
        // The first affected position not passed yet: parties before it keep their verdicts.
        int next = reuse ? affected.nextSetBit(0) : 0;
        for (int i = 0; i < s.parties.size(); i++) {
            int position = d.start(i);
            if (reuse && (next < 0 || next >= d.end(i))) {
                for (; position < d.end(i); position++) {
                    result[position] = prior.get(position);
                }
                continue;
            }
            Party party = s.parties.get(i);
            for (String serviceId : party.services()) {
                Service service = s.services.get(serviceId);
                if (service == null) {
                    continue;
                }
                result[position] = reuse && !affected.get(position) ? prior.get(position)
                        : dependency(run, party, d.lists(i), service);
                position++;
            }
            next = reuse ? affected.nextSetBit(d.end(i)) : 0;
        }
        return Collections.unmodifiableList(Arrays.asList(result));
    }

    /**
     * What one evaluation shares between dependencies: the anchors of each combination of
     * trust lists, and server verdicts by everything they depend on. Parties with the same
     * trust lists and capability that dial the same name get the same verdict from a server
     * presenting the same certificate (the use only matters to the message when it presents
     * none). The evidence of a certificate (its path entry, and what is missing above it when
     * a path ends there) is made once.
     */
    private static final class Run {
        final Snapshot s;
        final PathSearch search;
        final Map<List<String>, Set<String>> anchors = new HashMap<>();
        final Map<Context, Map<String, Known>> verdicts = new HashMap<>();
        final Map<String, PathEntry> entries = new HashMap<>();
        final Map<String, String> missingLinks = new HashMap<>();

        Run(Snapshot s) {
            this.s = s;
            this.search = new PathSearch(s);
        }

        Set<String> anchors(List<String> lists) {
            Set<String> found = anchors.get(lists);
            if (found == null) {
                found = s.anchors(lists);
                anchors.put(lists, found);
            }
            return found;
        }

        Map<String, Known> verdicts(List<String> lists, Capability capability,
                                    String dialName) {
            return verdicts.computeIfAbsent(new Context(lists, capability, dialName),
                    k -> new HashMap<>());
        }

        /** The evidence of a path: the entries of the issuers above the leaf are shared. */
        List<PathEntry> entries(List<String> path) {
            PathEntry[] result = new PathEntry[path.size()];
            result[0] = entry(path.get(0));
            for (int i = 1; i < result.length; i++) {
                String sha1 = path.get(i);
                PathEntry entry = entries.get(sha1);
                if (entry == null) {
                    entry = entry(sha1);
                    entries.put(sha1, entry);
                }
                result[i] = entry;
            }
            return List.of(result);
        }

        private PathEntry entry(String sha1) {
            Cert c = s.certs.get(sha1);
            return new PathEntry(sha1, c == null ? null : c.subject(),
                    c == null ? null : c.signatureHash());
        }

        String missingLink(List<String> path) {
            String top = path.get(path.size() - 1);
            String missing = missingLinks.get(top);
            if (missing == null) {
                missing = Evaluator.missingLink(s, top);
                missingLinks.put(top, missing);
            }
            return missing;
        }
    }

    private record Context(List<String> lists, Capability capability, String dialName) {
    }

    /**
     * The verdicts of one server in one context, by the certificate it presents (or by use,
     * when it presents none); a server rarely has more than one, so they are chained.
     */
    private record Known(String sha1, String use, ServerVerdict verdict, Known next) {
        ServerVerdict find(String certificate, String forUse) {
            for (Known k = this; k != null; k = k.next) {
                if (certificate != null ? certificate.equals(k.sha1)
                        : k.sha1 == null && forUse.equals(k.use)) {
                    return k.verdict;
                }
            }
            return null;
        }
    }

    private static Dependency dependency(Run run, Party party, List<String> lists,
                                         Service service) {
        Snapshot s = run.s;
        Set<String> anchors = run.anchors(lists);
        Map<String, Known> known = run.verdicts(lists, party.capability(), service.dialName());
        List<String> servers = s.servers(service);
        ServerVerdict[] verdicts = new ServerVerdict[servers.size()];
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        int ok = 0;
        int unknown = 0;
        for (int i = 0; i < verdicts.length; i++) {
            String server = servers.get(i);
            String sha1 = s.presented(server, service.use());
            Known earlier = known.get(server);
            ServerVerdict v = earlier == null ? null : earlier.find(sha1, service.use());
            if (v == null) {
                v = server(run, party.capability(), anchors, server, sha1, service);
                known.put(server, new Known(sha1, service.use(), v, earlier));
            }
            verdicts[i] = v;
            reasons.addAll(v.reasons());
            ok += v.status() == Status.OK ? 1 : 0;
            unknown += v.status() == Status.UNKNOWN ? 1 : 0;
        }
        Status status;
        if (verdicts.length == 0) {
            status = Status.OUTAGE;
            reasons.add(Reason.NO_SERVER);
        } else if (ok == verdicts.length) {
            status = Status.OK;
        } else if (unknown > 0) {
            status = Status.UNKNOWN;
        } else {
            status = ok > 0 ? Status.DEGRADED : Status.OUTAGE;
        }
        return new Dependency(party.key(), party.kind(), party.model(), party.version(),
                party.pool(), party.count(), service.id(), lists, status, reasons,
                List.of(verdicts));
    }

    private static ServerVerdict server(Run run, Capability capability, Set<String> anchors,
                                        String server, String sha1, Service service) {
        Snapshot s = run.s;
        if (sha1 == null) {
            return new ServerVerdict(server, null, Status.OUTAGE, EnumSet.of(Reason.NO_CERTIFICATE),
                    List.of(), server + " presents no certificate for " + service.use());
        }
        PathSearch search = run.search;
        search.from(sha1, anchors, capability);
        Set<Reason> reasons = search.reasons();
        Status status = reasons.isEmpty() ? Status.OK
                : PathSearch.onlyCapabilityUnknown(reasons) ? Status.UNKNOWN
                : Status.OUTAGE;
        Set<Reason> names = nameCheck(s.certs.get(sha1), service.dialName());
        if (!names.isEmpty()) {
            reasons.addAll(names);
        }
        return new ServerVerdict(server, sha1, status, reasons, run.entries(search.path()),
                search.trusted() ? null : run.missingLink(search.path()));
    }

    /** What is missing for a path that ends at {@code top} to reach a trusted root. */
    private static String missingLink(Snapshot s, String top) {
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
}
