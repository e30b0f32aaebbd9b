package org.certgraph.sources.phones;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one firmware version of one handset model can validate.
 *
 * @param signatureHashes the signature hashes it verifies on a certificate path
 * @param keys the key types and sizes it accepts, e.g. RSA-2048
 */
public record Capabilities(Capability signatureHashes, Capability keys) {

    /** True when both capabilities are known. */
    public boolean known() {
        return signatureHashes.known() && keys.known();
    }

    /** The distinct sources of the known capabilities, joined by "; ", or null when none. */
    public String sources() {
        Set<String> sources = new LinkedHashSet<>();
        for (Capability capability : new Capability[] {signatureHashes, keys}) {
            if (capability.known() && capability.source() != null) {
                sources.add(capability.source());
            }
        }
        return sources.isEmpty() ? null : String.join("; ", sources);
    }

    /** The notes of the unknown capabilities, joined, or null when all are known. */
    public String unknownNotes() {
        Set<String> notes = new LinkedHashSet<>();
        if (!signatureHashes.known()) {
            notes.add("signature hashes: " + signatureHashes.note());
        }
        if (!keys.known()) {
            notes.add("keys: " + keys.note());
        }
        return notes.isEmpty() ? null : String.join(" ", notes);
    }
}
