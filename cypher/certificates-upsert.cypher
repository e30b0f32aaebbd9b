// Creates or refreshes certificate nodes, merging on the thumbprint only. Every property is
// named, so nothing the statement sets can change the key it merges on, and the labels are
// decided by flags (ca, root, leaf) whose names no property has: Cypher then streams the rows
// without an Eager barrier.
// params: $rows  list of {sha1, sha256, serialNumber, subject, issuer, subjectKey, issuerKey,
//                notBefore, notAfter, signatureAlgorithm, signatureHash, keyAlgorithm, keySize,
//                isCA, pathLength, subjectKeyId, authorityKeyId, dnsNames, ekus, keyUsages,
//                selfSigned, version, der, ca, root, leaf}
//         $source  the import that asserts them; $stamp  source#importId; $now  the import time
// returns: written
UNWIND $rows AS row
MERGE (c:Certificate {sha1: row.sha1})
SET c.firstSeen = coalesce(c.firstSeen, $now),
    c.sha256 = row.sha256,
    c.serialNumber = row.serialNumber,
    c.subject = row.subject,
    c.issuer = row.issuer,
    c.subjectKey = row.subjectKey,
    c.issuerKey = row.issuerKey,
    c.notBefore = row.notBefore,
    c.notAfter = row.notAfter,
    c.signatureAlgorithm = row.signatureAlgorithm,
    c.signatureHash = row.signatureHash,
    c.keyAlgorithm = row.keyAlgorithm,
    c.keySize = row.keySize,
    c.isCA = row.isCA,
    c.pathLength = row.pathLength,
    c.subjectKeyId = row.subjectKeyId,
    c.authorityKeyId = row.authorityKeyId,
    c.dnsNames = row.dnsNames,
    c.ekus = row.ekus,
    c.keyUsages = row.keyUsages,
    c.selfSigned = row.selfSigned,
    c.version = row.version,
    c.der = row.der,
    c.unresolved = false,
    c.lastSeen = $now,
    c.sources = CASE WHEN $source IN coalesce(c.sources, []) THEN c.sources
                     ELSE coalesce(c.sources, []) + $source END,
    c.seenBy = [s IN coalesce(c.seenBy, []) WHERE NOT s STARTS WITH $source + '#'] + $stamp
FOREACH (_ IN CASE WHEN row.ca THEN [1] ELSE [] END | SET c:CA)
FOREACH (_ IN CASE WHEN row.root THEN [1] ELSE [] END | SET c:Root)
FOREACH (_ IN CASE WHEN row.leaf THEN [1] ELSE [] END | SET c:Leaf)
RETURN count(c) AS written
