// Neo4j Browser: the chains of each PKI, from every root down to the certificates it signed.
// params: none
// returns: paths
MATCH p = (:Certificate)-[:ISSUED_BY*1..4]->(root:Root)
RETURN p
LIMIT 300
