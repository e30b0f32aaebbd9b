// Services with the certificate use they present and the servers behind them: the members of
// the pool that hosts the service, or the server that hosts it directly.
// params: none
// returns: id, role, use, pool (fqdn or null), servers (fqdns), dialName (the name clients dial)
MATCH (s:Service)
OPTIONAL MATCH (s)-[:HOSTED_BY]->(host)
OPTIONAL MATCH (member:Server)-[:MEMBER_OF]->(host:Pool)
WITH s, host, collect(DISTINCT member.fqdn) AS members
RETURN s.id AS id, s.role AS role, s.use AS use,
       CASE WHEN host:Pool THEN host.fqdn ELSE s.pool END AS pool,
       CASE WHEN host:Server THEN [host.fqdn] ELSE members END AS servers,
       coalesce(s.dialName, host.fqdn, s.pool) AS dialName
ORDER BY id
