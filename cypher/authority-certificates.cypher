// Links each authority to its own CA certificates: those that verifiably issued the
// certificates the authority's database lists. Run after every import, so the order in which
// dumps and CA certificates arrive does not matter.
// params: none
// returns: linked  new links
MATCH (a:Authority)-[:ISSUED]->(:Certificate)-[:ISSUED_BY]->(ca:Certificate)
WITH DISTINCT a, ca
WHERE NOT EXISTS { (a)-[:HAS_CERTIFICATE]->(ca) }
CREATE (a)-[:HAS_CERTIFICATE {derived: true}]->(ca)
RETURN count(*) AS linked
