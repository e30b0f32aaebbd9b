// What each firmware can verify, where the graph knows it, and the pools' sites.
// params: none
// returns: id, model, version, signatureHashes, keys, known, source
MATCH (f:Firmware)
RETURN f.id AS id, f.model AS model, f.version AS version,
       f.signatureHashes AS signatureHashes, f.keys AS keys,
       coalesce(f.capabilityKnown, f.signatureHashes IS NOT NULL) AS known,
       f.capabilitySource AS source
