// Records verified issuer links: the issuer's key verified the child's signature. Both
// certificates are in the graph; a link that is already there is left as it is.
// params: $links  list of {child, issuer}; $now  the time of the check
// returns: written  links written (new or already there)
UNWIND $links AS link
MATCH (c:Certificate {sha1: link.child})
MATCH (i:Certificate {sha1: link.issuer})
MERGE (c)-[l:ISSUED_BY]->(i)
ON CREATE SET l.verifiedAt = $now
RETURN count(l) AS written
