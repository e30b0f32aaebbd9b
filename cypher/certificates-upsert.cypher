// Creates or refreshes certificate nodes, merging on the thumbprint only.
// params: $rows  list of {sha1, props (every other fact), isCA, root, leaf}
//         $source  the import that asserts them; $stamp  source#importId; $now  the import time
// returns: sha1, created (true when the certificate was not in the graph, or only as a
//          thumbprint something referred to)
UNWIND $rows AS row
OPTIONAL MATCH (known:Certificate {sha1: row.sha1})
WITH row, known IS NULL OR coalesce(known.unresolved, false) AS created
MERGE (c:Certificate {sha1: row.sha1})
ON CREATE SET c.firstSeen = $now
SET c += row.props,
    c.unresolved = false,
    c.lastSeen = $now,
    c.sources = CASE WHEN $source IN coalesce(c.sources, []) THEN c.sources
                     ELSE coalesce(c.sources, []) + $source END,
    c.seenBy = [s IN coalesce(c.seenBy, []) WHERE NOT s STARTS WITH $source + '#'] + $stamp
FOREACH (_ IN CASE WHEN row.isCA THEN [1] ELSE [] END | SET c:CA)
FOREACH (_ IN CASE WHEN row.root THEN [1] ELSE [] END | SET c:Root)
FOREACH (_ IN CASE WHEN row.leaf THEN [1] ELSE [] END | SET c:Leaf)
RETURN row.sha1 AS sha1, created
