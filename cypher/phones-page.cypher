// One page of phones (single phones and counted groups) that pass a filter, in id order.
// params: $model, $firmware (version), $pool, $after (id), $first
// returns: h, model, firmware, pool
MATCH (h:Handset)
OPTIONAL MATCH (h)-[:IS_MODEL]->(m:HandsetModel)
OPTIONAL MATCH (h)-[:RUNS]->(f:Firmware)
WITH h, coalesce(m.id, h.model) AS model, coalesce(f.version, h.firmware) AS firmware
WHERE ($model IS NULL OR model = $model)
  AND ($firmware IS NULL OR firmware = $firmware)
  AND ($pool IS NULL OR h.pool = $pool)
  AND ($after IS NULL OR h.id > $after)
RETURN h, model, firmware, h.pool AS pool
ORDER BY h.id
LIMIT $first
