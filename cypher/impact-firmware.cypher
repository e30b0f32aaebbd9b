// What each firmware can verify, where the graph knows it.
// params: none
// returns: id, model, version, signatureHashes and keys (null when unknown), source
MATCH (f:Firmware)
RETURN f.id AS id, f.model AS model, f.version AS version,
       CASE WHEN coalesce(f.signatureHashesKnown, f.capabilityKnown, false)
            THEN f.signatureHashes END AS signatureHashes,
       CASE WHEN coalesce(f.keysKnown, f.capabilityKnown, false) THEN f.keys END AS keys,
       coalesce(f.capabilitySource, f.capabilityNote) AS source
