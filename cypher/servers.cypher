// Servers, all of them or one, with the pool each is a member of.
// params: $fqdn (null for every server)
// returns: s (server), pool (fqdn or null)
MATCH (s:Server)
WHERE $fqdn IS NULL OR s.fqdn = $fqdn
OPTIONAL MATCH (s)-[:MEMBER_OF]->(p:Pool)
RETURN s, min(p.fqdn) AS pool
ORDER BY s.fqdn
