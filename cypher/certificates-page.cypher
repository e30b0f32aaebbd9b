// One page of certificates that pass a filter, in thumbprint order. A null filter value means
// "any".
// params: $signatureHash, $isCA, $selfSigned, $expiresBefore, $subjectContains, $trustedBy,
//         $issuedBy (thumbprint of the issuer), $after (thumbprint the page starts after),
//         $first (page size)
// returns: c
MATCH (c:Certificate)
WHERE ($signatureHash IS NULL OR c.signatureHash = $signatureHash)
  AND ($isCA IS NULL OR coalesce(c.isCA, false) = $isCA)
  AND ($selfSigned IS NULL OR coalesce(c.selfSigned, false) = $selfSigned)
  AND ($expiresBefore IS NULL OR c.notAfter < $expiresBefore)
  AND ($subjectContains IS NULL OR toLower(c.subject) CONTAINS toLower($subjectContains))
  AND ($trustedBy IS NULL OR EXISTS { (:TrustList {id: $trustedBy})-[:TRUSTS]->(c) })
  AND ($issuedBy IS NULL OR EXISTS { (c)-[:ISSUED_BY]->(:Certificate {sha1: $issuedBy}) })
  AND ($after IS NULL OR c.sha1 > $after)
RETURN c
ORDER BY c.sha1
LIMIT $first
