// Every firmware the graph knows, to be judged again after the site's knowledge changed.
// params: none
// returns: id, model, version
MATCH (f:Firmware)
WHERE f.model IS NOT NULL AND f.version IS NOT NULL
RETURN f.id AS id, f.model AS model, f.version AS version
