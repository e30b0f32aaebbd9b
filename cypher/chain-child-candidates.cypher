// Certificates already in the graph that the given ones may have issued: authority key id
// equal to the issuer's subject key id, or issuer name equal to its subject name.
// Self-signed certificates are never children of another certificate.
// params: $issuers  list of {sha1, ski, subjectKey}
// returns: issuer, child, childDer
UNWIND $issuers AS iss
CALL {
  WITH iss
  MATCH (c:Certificate {authorityKeyId: iss.ski})
  RETURN c
  UNION
  WITH iss
  MATCH (c:Certificate {issuerKey: iss.subjectKey})
  RETURN c
}
WITH iss, c
WHERE c.sha1 <> iss.sha1 AND c.der IS NOT NULL AND NOT coalesce(c.selfSigned, false)
  AND NOT EXISTS { (c)-[:ISSUED_BY]->(:Certificate {sha1: iss.sha1}) }
RETURN iss.sha1 AS issuer, c.sha1 AS child, c.der AS childDer
