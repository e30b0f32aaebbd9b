// Which certificate each server presents for each use.
// params: none
// returns: server, use, sha1
MATCH (x:Server)-[a:ASSIGNED]->(c:Certificate)
RETURN x.fqdn AS server, a.use AS use, c.sha1 AS sha1
