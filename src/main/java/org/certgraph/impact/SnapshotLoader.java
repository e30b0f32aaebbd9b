package org.certgraph.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.certgraph.graph.Graph;
import org.certgraph.impact.Snapshot.Capability;
import org.certgraph.impact.Snapshot.Cert;
import org.certgraph.impact.Snapshot.Party;
import org.certgraph.impact.Snapshot.Service;
import org.certgraph.impact.Snapshot.TrustList;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Reads the {@link Snapshot} that verdicts need from the graph, in a handful of queries. */
final class SnapshotLoader {

    private final Graph graph;

    SnapshotLoader(Graph graph) {
        this.graph = graph;
    }

    /**
     * The snapshot at {@code at}: a copy of the one read last, unless an import changed the
     * graph since (see impact-version.cypher). Reading it costs seconds on a large estate;
     * checking whether it is still current is one small query.
     */
    Snapshot load(Instant at) {
        List<Object> version = graph.read("impact-version", Map.of(), rs -> rs.get(0).values()
                .stream().map(Value::asObject).toList());
        Cached current = cached;
        if (current == null || !current.version().equals(version)) {
            current = new Cached(version, read(at), new ConcurrentHashMap<>());
            cached = current;
        }
        Snapshot copy = current.snapshot().copy();
        copy.at = at;
        return copy;
    }

    /**
     * The last snapshot read, the version of the graph it was read from, and the certificates
     * looked up for changes to copies of it (by the thumbprint asked for).
     */
    private record Cached(List<Object> version, Snapshot snapshot,
                          Map<String, Map<String, Cert>> named) {
    }

    private volatile Cached cached;

    /** How many looked-up certificates are kept per snapshot, so the memory stays bounded. */
    private static final int NAMED_LIMIT = 10_000;

    /**
     * A certificate that a change to {@code s} names, with its issuers, or nothing when the
     * graph lacks it. What was looked up is kept with the snapshot it was looked up for: the
     * same question asked again needs no query while the graph is unchanged.
     */
    Map<String, Cert> named(Snapshot s, String sha1) {
        Cached current = cached;
        if (current == null || current.snapshot() != s.origin) {
            return certificates(List.of(sha1), new Names());
        }
        Map<String, Cert> found = current.named().get(sha1);
        if (found == null) {
            found = Collections.unmodifiableMap(certificates(List.of(sha1), new Names()));
            if (current.named().size() < NAMED_LIMIT) {
                current.named().put(sha1, found);
            }
        }
        return found;
    }

    private Snapshot read(Instant at) {
        Names names = new Names();
        Map<String, Cert> certs = certificates(null, names);
        Map<String, Service> services = new LinkedHashMap<>();
        graph.read("impact-services", Map.of(), rs -> {
            for (Record r : rs) {
                Service s = new Service(names.of(r.get("id")), text(r.get("role")),
                        names.of(r.get("use")), text(r.get("pool")), names.all(r.get("servers")),
                        text(r.get("dialName")));
                services.put(s.id(), s);
            }
            return null;
        });
        Map<String, Map<String, String>> assignments = new HashMap<>();
        graph.read("impact-assignments", Map.of(), rs -> {
            for (Record r : rs) {
                assignments.computeIfAbsent(names.of(r.get("server")), k -> new HashMap<>())
                        .put(names.of(r.get("use")), names.of(r.get("sha1")));
            }
            return null;
        });
        Map<String, TrustList> trustLists = new LinkedHashMap<>();
        graph.read("impact-trust-lists", Map.of(), rs -> {
            for (Record r : rs) {
                Map<String, String> entries = new LinkedHashMap<>();
                for (Value e : r.get("entries").values()) {
                    entries.put(names.of(e.get("sha1")), text(e.get("store")));
                }
                TrustList t = new TrustList(names.of(r.get("id")), text(r.get("kind")),
                        text(r.get("scope")), text(r.get("server")), entries);
                trustLists.put(t.id(), t);
            }
            return null;
        });
        Map<String, String> sites = new HashMap<>();
        graph.read("impact-pools", Map.of(), rs -> {
            rs.forEach(r -> sites.put(r.get("fqdn").asString(), text(r.get("site"))));
            return null;
        });
        Map<String, Capability> firmware = firmware();
        List<Party> parties = new ArrayList<>(phones(firmware, names));
        parties.addAll(otherParties(names));
        Map<String, List<String>> published = new HashMap<>();
        graph.read("impact-authority-templates", Map.of(), rs -> {
            rs.forEach(r -> published.put(r.get("authority").asString(),
                    r.get("templates").asList(Value::asString)));
            return null;
        });
        assignments.replaceAll((server, uses) -> Collections.unmodifiableMap(uses));
        trustLists.replaceAll((id, t) -> new TrustList(t.id(), t.kind(), t.scope(), t.server(),
                Collections.unmodifiableMap(t.entries())));
        // Copies of the hash maps, because the answers have always iterated copies, whose
        // order can differ from that of the map they were copied from.
        return new Snapshot(Collections.unmodifiableMap(new HashMap<>(certs)),
                Collections.unmodifiableMap(services), Collections.unmodifiableMap(assignments),
                Collections.unmodifiableMap(trustLists), Collections.unmodifiableMap(sites),
                Collections.unmodifiableList(parties),
                Collections.unmodifiableMap(new HashMap<>(firmware)),
                Collections.unmodifiableMap(published), at);
    }

    /**
     * Every certificate verdicts can depend on (extra null), or only the named certificates
     * that the snapshot lacks (named by a change), with their issuers.
     */
    private Map<String, Cert> certificates(Collection<String> extra, Names names) {
        Map<String, Object> params = extra == null ? Map.of()
                : Map.of("sha1s", List.copyOf(extra));
        Map<String, Cert> certs = new HashMap<>();
        graph.read(extra == null ? "impact-certificates" : "impact-certificates-named", params,
                rs -> {
            for (Record r : rs) {
                String algorithm = text(r.get("keyAlgorithm"));
                Integer size = r.get("keySize").isNull() ? null : r.get("keySize").asInt();
                Cert c = new Cert(names.of(r.get("sha1")), text(r.get("subject")),
                        instant(r.get("notBefore")), instant(r.get("notAfter")),
                        text(r.get("signatureHash")), algorithm, size,
                        r.get("selfSigned").asBoolean(), r.get("isCA").asBoolean(),
                        r.get("unresolved").asBoolean(), r.get("dnsNames").asList(Value::asString),
                        names.all(r.get("issuers")),
                        r.get("authorities").asList(Value::asString),
                        r.get("templates").asList(Value::asString), Cert.keyOf(algorithm, size));
                certs.put(c.sha1(), c);
            }
            return null;
        });
        return certs;
    }

    private Map<String, Capability> firmware() {
        Map<String, Capability> firmware = new HashMap<>();
        graph.read("impact-firmware", Map.of(), rs -> {
            for (Record r : rs) {
                Set<String> hashes = strings(r.get("signatureHashes"));
                Set<String> keys = strings(r.get("keys"));
                firmware.put(r.get("id").asString(), new Capability(hashes, keys,
                        text(r.get("source"))));
            }
            return null;
        });
        return firmware;
    }

    private List<Party> phones(Map<String, Capability> firmware, Names names) {
        return graph.read("impact-phones", Map.of(), rs -> {
            List<Party> phones = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (Record r : rs) {
                String model = text(r.get("model"));
                String version = text(r.get("version"));
                String pool = text(r.get("pool"));
                String firmwareId = text(r.get("firmware"));
                Capability capability = firmwareId == null ? Capability.UNKNOWN
                        : firmware.getOrDefault(firmwareId, Capability.UNKNOWN);
                String key = model + " " + version + " @ " + pool;
                List<String> lists = r.get("trustLists").asList(Value::asString);
                if (!keys.add(key)) {
                    key = key + " " + lists + " " + r.get("services").asList(Value::asString);
                    keys.add(key);
                }
                phones.add(new Party(key, "PHONE", model,
                        firmwareId, version, pool, r.get("count").asLong(),
                        names.all(r.get("services")), names.all(r.get("trustLists")),
                        capability));
            }
            return phones;
        });
    }

    private List<Party> otherParties(Names names) {
        return graph.read("impact-other-parties", Map.of(), rs -> {
            List<Party> parties = new ArrayList<>();
            for (Record r : rs) {
                Set<String> hashes = strings(r.get("signatureHashes"));
                Capability capability = hashes == null ? Capability.MODERN
                        : new Capability(hashes, strings(r.get("keys")), "inventory");
                parties.add(new Party(r.get("id").asString(), r.get("kind").asString(), null,
                        null, null, null, 1, names.all(r.get("services")),
                        names.all(r.get("trustLists")), capability));
            }
            return parties;
        });
    }

    /**
     * One instance of each name (thumbprint, server, use, list or service id) read for a
     * snapshot: the records of different queries bring their own copies, and verdicts look
     * names up in maps so often that comparing them by reference instead of by character
     * counts.
     */
    private static final class Names {
        private final Map<String, String> seen = new HashMap<>();

        String of(Value v) {
            return v.isNull() ? null : seen.computeIfAbsent(v.asString(), k -> k);
        }

        List<String> all(Value v) {
            return v.asList(this::of);
        }
    }

    private static Set<String> strings(Value v) {
        return v.isNull() ? null : new HashSet<>(v.asList(x -> x.asObject().toString()));
    }

    private static String text(Value v) {
        return v.isNull() ? null : v.asObject().toString();
    }

    private static Instant instant(Value v) {
        return v.isNull() ? null : v.asZonedDateTime().toInstant();
    }
}
