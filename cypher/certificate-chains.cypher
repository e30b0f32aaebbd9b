// Every path from each given certificate up over verified issuer links to a certificate with
// no further issuer (a self-signed root, or the end of what is known). A path never visits a
// certificate twice, so cycles of cross-certificates end; paths longer than 12 links are cut.
// params: $sha1s
// returns: sha1, chain (list of nodes, leaf first)
UNWIND $sha1s AS sha1
MATCH p = (:Certificate {sha1: sha1})-[:ISSUED_BY*0..12]->(top:Certificate)
WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
  AND NOT EXISTS {
    MATCH (top)-[:ISSUED_BY]->(next:Certificate)
    WHERE NOT next IN nodes(p)
  }
RETURN sha1, nodes(p) AS chain
ORDER BY sha1, length(p), [n IN nodes(p) | n.sha1]
