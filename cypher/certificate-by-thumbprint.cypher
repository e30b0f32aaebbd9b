// One certificate by its SHA-1 thumbprint or its SHA-256 fingerprint (normalised upper hex).
// params: $thumbprint
// returns: c
CALL {
  MATCH (c:Certificate {sha1: $thumbprint})
  RETURN c
  UNION
  MATCH (c:Certificate {sha256: $thumbprint})
  RETURN c
}
RETURN c
LIMIT 1
