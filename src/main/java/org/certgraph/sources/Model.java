package org.certgraph.sources;

import java.util.Map;
import java.util.Set;

/**
 * The labels, their key properties and the relationship types that importers may write. This is
 * the whole vocabulary of the graph; {@code CypherNames} refuses anything else, so no text from
 * an input file ever becomes part of a Cypher statement.
 */
public final class Model {

    public static final String CERTIFICATE = "Certificate";
    public static final String AUTHORITY = "Authority";
    public static final String TEMPLATE = "Template";
    public static final String SERVER = "Server";
    public static final String POOL = "Pool";
    public static final String SERVICE = "Service";
    public static final String TRUST_LIST = "TrustList";
    public static final String HANDSET = "Handset";
    public static final String HANDSET_MODEL = "HandsetModel";
    public static final String FIRMWARE = "Firmware";
    public static final String PLATFORM = "Platform";

    /** Label → the property that identifies a node of that label. */
    public static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry(CERTIFICATE, "sha1"),
            Map.entry(AUTHORITY, "name"),
            Map.entry(TEMPLATE, "name"),
            Map.entry(SERVER, "fqdn"),
            Map.entry(POOL, "fqdn"),
            Map.entry(SERVICE, "id"),
            Map.entry(TRUST_LIST, "id"),
            Map.entry(HANDSET, "id"),
            Map.entry(HANDSET_MODEL, "id"),
            Map.entry(FIRMWARE, "id"),
            Map.entry(PLATFORM, "id"));

    /** (:Authority)-[:HAS_CERTIFICATE]->(:Certificate): the CA's own certificates. */
    public static final String HAS_CERTIFICATE = "HAS_CERTIFICATE";
    /** (:Authority)-[:ISSUED {requestId, disposition, revokedAt}]->(:Certificate). */
    public static final String ISSUED = "ISSUED";
    /** (:Certificate)-[:FROM_TEMPLATE]->(:Template). */
    public static final String FROM_TEMPLATE = "FROM_TEMPLATE";
    /** (:Authority)-[:PUBLISHES]->(:Template). */
    public static final String PUBLISHES = "PUBLISHES";
    /** (:Server)-[:MEMBER_OF]->(:Pool). */
    public static final String MEMBER_OF = "MEMBER_OF";
    /** (:Service)-[:HOSTED_BY]->(:Pool|:Server). */
    public static final String HOSTED_BY = "HOSTED_BY";
    /** (:Server)-[:ASSIGNED {use}]->(:Certificate); keyed by use. */
    public static final String ASSIGNED = "ASSIGNED";
    /** (:TrustList)-[:TRUSTS {store}]->(:Certificate). */
    public static final String TRUSTS = "TRUSTS";
    /** (:Server)-[:HAS_STORE]->(:TrustList). */
    public static final String HAS_STORE = "HAS_STORE";
    /** (:Handset|:Server|:Platform)-[:CONNECTS_TO]->(:Service). */
    public static final String CONNECTS_TO = "CONNECTS_TO";
    /** (:Handset|:Server|:Platform)-[:VALIDATES_WITH]->(:TrustList). */
    public static final String VALIDATES_WITH = "VALIDATES_WITH";
    /** (:Handset)-[:IS_MODEL]->(:HandsetModel). */
    public static final String IS_MODEL = "IS_MODEL";
    /** (:Handset)-[:RUNS]->(:Firmware). */
    public static final String RUNS = "RUNS";
    /** (:Firmware)-[:OF_MODEL]->(:HandsetModel). */
    public static final String OF_MODEL = "OF_MODEL";
    /** (:Firmware)-[:UPGRADES_TO]->(:Firmware): a newer version of the same model. */
    public static final String UPGRADES_TO = "UPGRADES_TO";
    /** (:HandsetModel)-[:APPROVED {state}]->(:Firmware): a device update rule; state is
     *  Approved or Pending. */
    public static final String APPROVED = "APPROVED";

    /** Relationship types importers may write, with the property that keys parallel edges
     *  (null when one edge between two nodes is enough). */
    public static final Map<String, String> RELATIONSHIP_KEYS = Map.ofEntries(
            Map.entry(HAS_CERTIFICATE, ""),
            Map.entry(ISSUED, ""),
            Map.entry(FROM_TEMPLATE, ""),
            Map.entry(PUBLISHES, ""),
            Map.entry(MEMBER_OF, ""),
            Map.entry(HOSTED_BY, ""),
            Map.entry(ASSIGNED, "use"),
            Map.entry(TRUSTS, ""),
            Map.entry(HAS_STORE, ""),
            Map.entry(CONNECTS_TO, ""),
            Map.entry(VALIDATES_WITH, ""),
            Map.entry(IS_MODEL, ""),
            Map.entry(RUNS, ""),
            Map.entry(OF_MODEL, ""),
            Map.entry(UPGRADES_TO, ""),
            Map.entry(APPROVED, ""));

    public static final Set<String> LABELS = KEYS.keySet();

    private Model() {
    }
}
