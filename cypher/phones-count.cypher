// How many phones pass a filter: a group of 40 counts 40.
// params: $model, $firmware (version), $pool
// returns: phones, entries (single phones and groups)
MATCH (h:Handset)
OPTIONAL MATCH (h)-[:IS_MODEL]->(m:HandsetModel)
OPTIONAL MATCH (h)-[:RUNS]->(f:Firmware)
WITH h, coalesce(m.id, h.model) AS model, coalesce(f.version, h.firmware) AS firmware
WHERE ($model IS NULL OR model = $model)
  AND ($firmware IS NULL OR firmware = $firmware)
  AND ($pool IS NULL OR h.pool = $pool)
RETURN sum(coalesce(h.count, 1)) AS phones, count(h) AS entries
