// Neo4j Browser: trust lists and the roots and CAs they hold, with the servers that own them.
// params: none
// returns: paths
MATCH p = (t:TrustList)-[:TRUSTS]->(:Certificate)
OPTIONAL MATCH q = (:Server)-[:HAS_STORE]->(t)
RETURN p, q
LIMIT 300
