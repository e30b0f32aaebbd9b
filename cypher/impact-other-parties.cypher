// Servers and platforms that connect to services, with the trust lists they validate with and
// what they can verify when the graph knows it.
// params: none
// returns: id, kind, services, trustLists, signatureHashes, keys
MATCH (r)-[:CONNECTS_TO]->(:Service)
WHERE r:Server OR r:Platform
WITH DISTINCT r
RETURN coalesce(r.fqdn, r.id) AS id, CASE WHEN r:Server THEN 'SERVER' ELSE 'PLATFORM' END AS kind,
       [(r)-[:CONNECTS_TO]->(s:Service) | s.id] AS services,
       [(r)-[:VALIDATES_WITH]->(t:TrustList) | t.id] AS trustLists,
       r.signatureHashes AS signatureHashes, r.keys AS keys
ORDER BY id
