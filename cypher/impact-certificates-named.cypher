// The certificates a what-if change names that the snapshot lacks, with all their verified
// issuers up to the roots: the same facts as impact-certificates, for these certificates only.
// params: $sha1s  thumbprints (normalised upper hex)
// returns: the certificate's facts, issuers (thumbprints), authorities (names of the
//          authorities that own it), templates (names of the templates it came from)
MATCH (c:Certificate)
WHERE c.sha1 IN $sha1s
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
