// The certificates a verdict can depend on: every certificate a server presents, holds in a
// store or a trust list holds, with all their verified issuers up to the roots
// (impact-certificates-named loads more on demand).
// params: none
// returns: the certificate's facts, issuers (thumbprints), authorities (names of the
//          authorities that own it), templates (names of the templates it came from)
CALL {
  MATCH (:Server)-[:ASSIGNED]->(c:Certificate)
  RETURN c
  UNION
  MATCH (:TrustList)-[:TRUSTS]->(c:Certificate)
  RETURN c
}
MATCH (c)-[:ISSUED_BY*0..8]->(x:Certificate)
WITH DISTINCT x
RETURN x.sha1 AS sha1, x.subject AS subject, x.notBefore AS notBefore,
       x.notAfter AS notAfter, x.signatureHash AS signatureHash,
       x.keyAlgorithm AS keyAlgorithm, x.keySize AS keySize,
       coalesce(x.selfSigned, false) AS selfSigned, coalesce(x.isCA, false) AS isCA,
       coalesce(x.unresolved, false) AS unresolved, coalesce(x.dnsNames, []) AS dnsNames,
       [(x)-[:ISSUED_BY]->(i:Certificate) | i.sha1] AS issuers,
       [(a:Authority)-[:HAS_CERTIFICATE]->(x) | a.name] AS authorities,
       [(x)-[:FROM_TEMPLATE]->(t:Template) | t.name] AS templates
