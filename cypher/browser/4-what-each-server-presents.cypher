// Neo4j Browser: every server's certificate per use, up to the root that signed it.
// params: none
// returns: paths
MATCH p = (:Pool)<-[:MEMBER_OF]-(:Server)-[:ASSIGNED]->(:Certificate)-[:ISSUED_BY*0..3]->(:Root)
RETURN p
LIMIT 300
