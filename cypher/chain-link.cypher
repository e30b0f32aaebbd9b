// Records verified issuer links: the issuer's key verified the child's signature.
// params: $links  list of {child, issuer}; $now  the time of the check
// returns: created  how many links are new
UNWIND $links AS link
MATCH (c:Certificate {sha1: link.child})
MATCH (i:Certificate {sha1: link.issuer})
WITH c, i
WHERE NOT EXISTS { (c)-[:ISSUED_BY]->(i) }
CREATE (c)-[:ISSUED_BY {verifiedAt: $now}]->(i)
RETURN count(*) AS created
