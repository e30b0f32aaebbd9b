package org.certgraph.sources;

import java.util.Map;

import org.certgraph.cert.CertificateFacts;

/**
 * Where a source reader puts what its file says. Readers call these in any order; the loader
 * writes certificates and nodes before the relationships between them. Labels, keys and types
 * come from {@link Model}; property values are strings, numbers, booleans, {@code Instant}s or
 * lists of strings, never null (leave a property out instead).
 */
public interface FactSink {

    /**
     * Called once, before any fact: the id of the source the facts belong to, e.g.
     * {@code adcs:Contoso Issuing CA 1} or {@code store:fe01.contoso.com:Root}. A later import
     * with the same id replaces what this one said; other sources are never touched.
     */
    void begin(String sourceId);

    /** A certificate whose bytes the source holds. */
    void certificate(CertificateFacts certificate);

    /** A certificate the source refers to by SHA-1 thumbprint only (normalised upper hex); it
     *  stays unresolved until some import supplies its bytes. */
    void certificateRef(String sha1);

    /** A node: its label, the value of its key property, and further properties. */
    void node(String label, String key, Map<String, Object> properties);

    /**
     * A relationship between two nodes given by label and key. For types keyed in
     * {@link Model#RELATIONSHIP_KEYS} (ASSIGNED by use), the properties must hold that key.
     */
    void relationship(String type, String fromLabel, String fromKey, String toLabel, String toKey,
                      Map<String, Object> properties);

    /** A problem with one line or row: the rest of the file still loads. */
    void problem(long line, String message);
}
