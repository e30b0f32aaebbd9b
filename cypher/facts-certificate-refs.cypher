// Certificates a source refers to by thumbprint only. A thumbprint the graph does not know
// becomes an unresolved certificate, which a later import of the certificate's bytes resolves.
// params: $sha1s; $source; $stamp  source#importId; $now
// returns: created  how many unresolved certificates are new
UNWIND $sha1s AS sha1
OPTIONAL MATCH (known:Certificate {sha1: sha1})
WITH sha1, known IS NULL AS created
MERGE (c:Certificate {sha1: sha1})
ON CREATE SET c.unresolved = true, c.firstSeen = $now
SET c.lastSeen = $now,
    c.sources = CASE WHEN $source IN coalesce(c.sources, []) THEN c.sources
                     ELSE coalesce(c.sources, []) + $source END,
    c.seenBy = [s IN coalesce(c.seenBy, []) WHERE NOT s STARTS WITH $source + '#'] + $stamp
RETURN count(CASE WHEN created THEN 1 END) AS created
