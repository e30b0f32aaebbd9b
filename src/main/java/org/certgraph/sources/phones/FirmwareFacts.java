package org.certgraph.sources.phones;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties of a Firmware node: its version, and what the knowledge says it can verify,
 * each capability with its source, or why it is unknown.
 */
public final class FirmwareFacts {

    private FirmwareFacts() {
    }

    /** The properties of firmware {@code version} of model {@code modelId}. */
    public static Map<String, Object> properties(FirmwareKnowledge knowledge, String modelId,
                                                 FirmwareVersion version) {
        Capabilities caps = knowledge.capabilities(modelId, version);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("model", modelId);
        properties.put("version", version.toString());
        properties.put("versionKey", version.versionKey());
        capability(properties, "signatureHashes", caps.signatureHashes());
        capability(properties, "keys", caps.keys());
        properties.put("capabilityKnown", caps.known());
        if (caps.sources() != null) {
            properties.put("capabilitySource", caps.sources());
        }
        if (caps.unknownNotes() != null) {
            properties.put("capabilityNote", caps.unknownNotes());
        }
        return properties;
    }

    private static void capability(Map<String, Object> properties, String name, Capability cap) {
        properties.put(name + "Known", cap.known());
        if (cap.known()) {
            properties.put(name, cap.values());
            properties.put(name + "Source", cap.source());
        } else if (cap.siteSetting() != null) {
            properties.put(name + "SiteSetting", cap.siteSetting());
        }
    }
}
