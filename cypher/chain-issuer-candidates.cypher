// Certificates that may have issued the given ones: same key id as the child's authority key
// id, or a subject name equal to the child's issuer name. Only a signature check decides.
// params: $children  list of {sha1, aki, issuerKey}
// returns: child, issuer, issuerDer
// The child is matched first so that the check for an existing link starts from it: a CA
// with a million children must not be expanded once per child.
UNWIND $children AS ch
MATCH (child:Certificate {sha1: ch.sha1})
CALL {
  WITH ch
  MATCH (i:Certificate {subjectKeyId: ch.aki})
  RETURN i
  UNION
  WITH ch
  MATCH (i:Certificate {subjectKey: ch.issuerKey})
  RETURN i
}
WITH ch, child, i
WHERE i.sha1 <> ch.sha1 AND i.der IS NOT NULL
  AND NOT EXISTS { (child)-[:ISSUED_BY]->(i) }
RETURN ch.sha1 AS child, i.sha1 AS issuer, i.der AS issuerDer
