// The verified issuers of each of the given certificates.
// params: $sha1s
// returns: sha1 (the child), issuer (node)
UNWIND $sha1s AS sha1
MATCH (:Certificate {sha1: sha1})-[:ISSUED_BY]->(issuer:Certificate)
RETURN sha1, issuer
ORDER BY sha1, issuer.sha1
