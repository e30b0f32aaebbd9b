// Firmware the graph knows (e.g. from device update rules) whose capability no one has stated.
// params: none
// returns: id, model, version
MATCH (f:Firmware)
WHERE f.capabilityKnown IS NULL AND f.model IS NOT NULL AND f.version IS NOT NULL
RETURN f.id AS id, f.model AS model, f.version AS version
