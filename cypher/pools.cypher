// Pools with their member servers and the services they host.
// params: $fqdn (null for every pool)
// returns: p (pool), servers (nodes), services (nodes), phones (how many phones register there)
MATCH (p:Pool)
WHERE $fqdn IS NULL OR p.fqdn = $fqdn
RETURN p,
       COLLECT { MATCH (s:Server)-[:MEMBER_OF]->(p) RETURN s ORDER BY s.fqdn } AS servers,
       COLLECT { MATCH (svc:Service)-[:HOSTED_BY]->(p) RETURN svc ORDER BY svc.id } AS services,
       reduce(n = 0, h IN [(h:Handset)-[:CONNECTS_TO]->(:Service {role: 'Registrar'})
                           -[:HOSTED_BY]->(p) | h] | n + coalesce(h.count, 1)) AS phones
ORDER BY p.fqdn
