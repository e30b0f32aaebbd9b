// Links each authority to its own CA certificates: those that verifiably issued the
// certificates the authority's database lists.
// params: $authority  the authority's name
// returns: linked  new links
MATCH (a:Authority {name: $authority})-[:ISSUED]->(:Certificate)-[:ISSUED_BY]->(ca:Certificate)
WITH DISTINCT a, ca
WHERE NOT EXISTS { (a)-[:HAS_CERTIFICATE]->(ca) }
CREATE (a)-[:HAS_CERTIFICATE {derived: true}]->(ca)
RETURN count(*) AS linked
