// Firmware to judge with the firmware knowledge: all of it when the site's knowledge changed
// ($all), otherwise only firmware no one has stated the capability of (e.g. versions named by
// device update rules).
// params: $all
// returns: id, model, version
MATCH (f:Firmware)
WHERE f.model IS NOT NULL AND f.version IS NOT NULL
  AND ($all OR f.capabilityKnown IS NULL)
RETURN f.id AS id, f.model AS model, f.version AS version
