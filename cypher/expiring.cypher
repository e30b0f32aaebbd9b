// Certificates that servers present or trust lists hold and that expire before a time.
// params: $before
// returns: c
MATCH (c:Certificate)
WHERE c.notAfter < $before
  AND (EXISTS { (:Server)-[:ASSIGNED]->(c) } OR EXISTS { (:TrustList)-[:TRUSTS]->(c) })
RETURN c
ORDER BY c.notAfter, c.sha1
