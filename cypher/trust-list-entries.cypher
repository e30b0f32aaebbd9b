// Makes the given certificates entries of a trust list, creating the list when needed.
// params: $id  the trust list id; $kind  what kind of list; $source  the import; $importId
//         this run's id; $now  the import time; $entries  list of {sha1, store}
// returns: created  how many entries are new
MERGE (t:TrustList {id: $id})
ON CREATE SET t.firstSeen = $now, t.kind = $kind
SET t.lastSeen = $now,
    t.sources = CASE WHEN $source IN coalesce(t.sources, []) THEN t.sources
                     ELSE coalesce(t.sources, []) + $source END
WITH t
UNWIND $entries AS entry
MATCH (c:Certificate {sha1: entry.sha1})
OPTIONAL MATCH (t)-[known:TRUSTS]->(c)
WITH t, c, entry, known IS NULL AS created
MERGE (t)-[r:TRUSTS]->(c)
SET r.store = entry.store, r.source = $source, r.importId = $importId, r.lastSeen = $now
RETURN count(CASE WHEN created THEN 1 END) AS created
