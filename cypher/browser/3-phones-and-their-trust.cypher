// Neo4j Browser: which phones depend on which pool and web service trust list: phones (groups
// count many) connect to their pool's services; the pool's servers present certificates.
// params: none
// returns: paths
MATCH p = (:Firmware)<-[:RUNS]-(:Handset)-[:CONNECTS_TO]->(:Service)-[:HOSTED_BY]->(pool:Pool)
OPTIONAL MATCH q = (pool)<-[:MEMBER_OF]-(:Server)-[:ASSIGNED]->(:Certificate)
OPTIONAL MATCH w = (web:TrustList {kind: 'webservice'})-[:TRUSTS]->(:Certificate)
RETURN p, q, w
LIMIT 300
