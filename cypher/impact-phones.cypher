// Phones grouped into classes that behave the same: model, firmware, pool, the services they
// connect to and the trust lists they validate with.
// params: none
// returns: model, firmware (firmware id), version, pool, count, services, trustLists
MATCH (h:Handset)
OPTIONAL MATCH (h)-[:IS_MODEL]->(m:HandsetModel)
OPTIONAL MATCH (h)-[:RUNS]->(f:Firmware)
WITH h, coalesce(m.id, h.model) AS model, f,
     COLLECT { MATCH (h)-[:CONNECTS_TO]->(s:Service) RETURN s.id ORDER BY s.id } AS services,
     COLLECT { MATCH (h)-[:VALIDATES_WITH]->(t:TrustList) RETURN t.id ORDER BY t.id }
       AS trustLists
RETURN model, f.id AS firmware, coalesce(f.version, h.firmware) AS version, h.pool AS pool,
       sum(coalesce(h.count, 1)) AS count, services, trustLists
ORDER BY model, version, pool
