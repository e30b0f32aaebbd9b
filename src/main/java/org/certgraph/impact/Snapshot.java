package org.certgraph.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the graph that verdicts depend on, held in memory so that what-if changes can be
 * applied to a copy without touching the stored graph. Phones are held as classes (model,
 * firmware, pool) with a count.
 */
final class Snapshot {

    /** Trust stores whose entries are trust anchors (roots). */
    static final Set<String> ANCHOR_STORES = Set.of("Root", "TrustedRootCA", "ThirdPartyRootCA",
            "AuthRoot");

    /**
     * A certificate's facts.
     *
     * @param key algorithm and size as capabilities name keys, e.g. RSA-2048 (see
     *     {@link #keyOf}); kept with the facts because every verdict checks it
     */
    record Cert(String sha1, String subject, Instant notBefore, Instant notAfter,
                String signatureHash, String keyAlgorithm, Integer keySize, boolean selfSigned,
                boolean isCA, boolean unresolved, List<String> dnsNames, List<String> issuers,
                List<String> authorities, List<String> templates, String key) {

        /** A key as capabilities name it, or null when the algorithm is unknown. */
        static String keyOf(String keyAlgorithm, Integer keySize) {
            if (keyAlgorithm == null) {
                return null;
            }
            return keyAlgorithm + "-" + (keySize == null ? "?" : keySize);
        }
    }

    record Service(String id, String role, String use, String pool, List<String> servers,
                   String dialName) {
    }

    record TrustList(String id, String kind, String scope, String server,
                     Map<String, String> entries) {
    }

    /**
     * What a relying party can verify; a null set means the graph does not know.
     *
     * @param keys e.g. RSA-2048, EC-256
     */
    record Capability(Set<String> signatureHashes, Set<String> keys, String source) {
        static final Capability MODERN = new Capability(
                Set.of("SHA1", "SHA224", "SHA256", "SHA384", "SHA512"), null,
                "assumed for servers and platforms without capability facts");
        static final Capability UNKNOWN = new Capability(null, null, "no capability facts");
    }

    /**
     * A relying party: a class of identical phones, a server or a platform.
     *
     * @param key what identifies it across changes (a phone class keeps the firmware it had
     *     before any change in its key)
     */
    record Party(String key, String kind, String model, String firmware, String version,
                 String pool, long count, List<String> services, List<String> trustLists,
                 Capability capability) {

        Party withFirmware(String firmwareId, String newVersion, Capability newCapability) {
            return new Party(key, kind, model, firmwareId, newVersion, pool, count, services,
                    trustLists, newCapability);
        }
    }

    /*
     * Copies share what they do not change. The snapshot read from the graph is never changed
     * (its maps are read-only), and a copy replaces a shared map, trust list or assignment map
     * by its own before the first write to it; so a question costs what it changes, not the
     * size of the estate. Every write goes through the methods below; code that reads may use
     * the fields directly. Evaluations rely on this: a dependency whose inputs are the same
     * objects as before keeps its verdict (see Affected).
     */
    Map<String, Cert> certs;
    final Map<String, Service> services;
    Map<String, Map<String, String>> assignments;
    Map<String, TrustList> trustLists;
    final Map<String, String> poolSites;
    List<Party> parties;
    final Map<String, Capability> firmware;
    final Set<String> offline;
    final Set<String> removed;
    final Map<String, List<String>> published;
    Instant at;
    /** The snapshot as read from the graph that this one is a copy of (itself when read). */
    Snapshot origin = this;

    private boolean ownCerts;
    private boolean ownAssignments;
    private boolean ownTrustLists;
    private boolean ownParties;
    private volatile Dependents dependents;

    Snapshot(Map<String, Cert> certs, Map<String, Service> services,
             Map<String, Map<String, String>> assignments, Map<String, TrustList> trustLists,
             Map<String, String> poolSites, List<Party> parties,
             Map<String, Capability> firmware, Map<String, List<String>> published,
             Instant at) {
        this.certs = certs;
        this.services = services;
        this.assignments = assignments;
        this.trustLists = trustLists;
        this.poolSites = poolSites;
        this.parties = parties;
        this.firmware = firmware;
        this.published = published;
        this.offline = new HashSet<>();
        this.removed = new HashSet<>();
        this.at = at;
    }

    /** A copy whose assignments, trust entries, parties and removals can change freely. */
    Snapshot copy() {
        Snapshot copy = new Snapshot(certs, services, assignments, trustLists, poolSites,
                parties, firmware, published, at);
        copy.origin = origin;
        copy.offline.addAll(offline);
        copy.removed.addAll(removed);
        disown();
        return copy;
    }

    /** Makes the next write to a map now shared with a copy replace the map first. */
    private void disown() {
        // Only a copy that wrote owns anything; the snapshot read from the graph, which every
        // question copies at once, is left unwritten.
        if (ownCerts || ownAssignments || ownTrustLists || ownParties) {
            ownCerts = false;
            ownAssignments = false;
            ownTrustLists = false;
            ownParties = false;
        }
    }

    /** Where each dependency of this snapshot (and of every copy of it) sits in a verdict list. */
    Dependents dependents() {
        if (origin != this) {
            return origin.dependents();
        }
        Dependents d = dependents;
        if (d == null) {
            d = new Dependents(this);
            dependents = d;
        }
        return d;
    }

    /** Adds certificates the snapshot lacks (named by a change); those it has stay as they are. */
    void addCertificates(Map<String, Cert> found) {
        if (certs.keySet().containsAll(found.keySet())) {
            return;
        }
        if (!ownCerts) {
            certs = new HashMap<>(certs);
            ownCerts = true;
        }
        found.forEach(certs::putIfAbsent);
    }

    /** Makes a server present a certificate for a use. */
    void assign(String server, String use, String sha1) {
        Map<String, String> uses = new HashMap<>(assignments.getOrDefault(server, Map.of()));
        uses.put(use, sha1);
        ownAssignments().put(server, uses);
    }

    /** Leaves a server without a certificate for a use. */
    void unassign(String server, String use) {
        Map<String, String> uses = assignments.get(server);
        if (uses == null) {
            return;
        }
        uses = new HashMap<>(uses);
        uses.remove(use);
        ownAssignments().put(server, uses);
    }

    private Map<String, Map<String, String>> ownAssignments() {
        if (!ownAssignments) {
            assignments = new HashMap<>(assignments);
            ownAssignments = true;
        }
        return assignments;
    }

    /** Puts a certificate into a trust list in a store, or moves it to that store. */
    void trust(String list, String sha1, String store) {
        editEntries(list).put(sha1, store);
    }

    /** Takes a certificate out of a trust list. */
    void distrust(String list, String sha1) {
        editEntries(list).remove(sha1);
    }

    private Map<String, String> editEntries(String id) {
        if (!ownTrustLists) {
            trustLists = new LinkedHashMap<>(trustLists);
            ownTrustLists = true;
        }
        TrustList list = trustLists.get(id);
        TrustList edited = new TrustList(list.id(), list.kind(), list.scope(), list.server(),
                new LinkedHashMap<>(list.entries()));
        trustLists.put(id, edited);
        return edited.entries();
    }

    /** Puts another party in the place of the one at {@code index}. */
    void replaceParty(int index, Party party) {
        if (!ownParties) {
            parties = new ArrayList<>(parties);
            ownParties = true;
        }
        parties.set(index, party);
    }

    /** The servers that currently serve a service: its hosts minus those taken offline. */
    List<String> servers(Service service) {
        if (offline.isEmpty()) {
            return service.servers();
        }
        List<String> online = new ArrayList<>(service.servers().size());
        for (String server : service.servers()) {
            if (!offline.contains(server)) {
                online.add(server);
            }
        }
        return online;
    }

    /** The certificate a server presents for a use, unless it was removed. */
    String presented(String server, String use) {
        Map<String, String> uses = assignments.get(server);
        String sha1 = uses == null ? null : uses.get(use);
        return sha1 == null || removed.contains(sha1) ? null : sha1;
    }

    /** The trust lists a party validates with: its own, and for phones the web service list
     *  of the most specific scope for its pool (service, then site, then global). */
    List<String> trustListsOf(Party party) {
        List<String> lists = new ArrayList<>(party.trustLists());
        if (party.kind().equals("PHONE") && party.pool() != null) {
            String effective = webServiceList(party.pool());
            if (effective != null && !lists.contains(effective)) {
                lists.add(effective);
            }
        }
        return lists;
    }

    String webServiceList(String pool) {
        String site = poolSites.get(pool);
        for (String id : new String[] {"webservice:service:WebServer:" + pool,
            site == null ? null : "webservice:site:" + site, "webservice:global"}) {
            if (id != null && trustLists.containsKey(id)) {
                return id;
            }
        }
        return null;
    }

    /** The roots trusted through some trust lists: their anchor-store entries. */
    Set<String> anchors(List<String> lists) {
        Set<String> anchors = new HashSet<>();
        for (String id : lists) {
            TrustList list = trustLists.get(id);
            if (list == null) {
                continue;
            }
            list.entries().forEach((sha1, store) -> {
                if ((store == null || ANCHOR_STORES.contains(store)) && !removed.contains(sha1)) {
                    anchors.add(sha1);
                }
            });
        }
        return anchors;
    }
}
