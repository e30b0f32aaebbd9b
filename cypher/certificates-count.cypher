// How many certificates pass a filter (the same filter as certificates-page, without paging).
// params: $signatureHash, $isCA, $selfSigned, $expiresBefore, $subjectContains, $trustedBy,
//         $issuedBy
// returns: total
MATCH (c:Certificate)
WHERE ($signatureHash IS NULL OR c.signatureHash = $signatureHash)
  AND ($isCA IS NULL OR coalesce(c.isCA, false) = $isCA)
  AND ($selfSigned IS NULL OR coalesce(c.selfSigned, false) = $selfSigned)
  AND ($expiresBefore IS NULL OR c.notAfter < $expiresBefore)
  AND ($subjectContains IS NULL OR toLower(c.subject) CONTAINS toLower($subjectContains))
  AND ($trustedBy IS NULL OR EXISTS { (:TrustList {id: $trustedBy})-[:TRUSTS]->(c) })
  AND ($issuedBy IS NULL OR EXISTS { (c)-[:ISSUED_BY]->(:Certificate {sha1: $issuedBy}) })
RETURN count(c) AS total
