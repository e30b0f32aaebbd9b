// Services and where they are hosted.
// params: none
// returns: s, hostedBy (pool or server fqdns)
MATCH (s:Service)
RETURN s, [(s)-[:HOSTED_BY]->(h) | h.fqdn] AS hostedBy
ORDER BY s.id
