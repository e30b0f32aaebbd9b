// Withdraws a source from the relationships of one type it asserted before but not in this
// import; a relationship no source asserts any more is removed.
// params: $source; $stamp  source#importId of this import
// returns: removed  relationships deleted
MATCH ()-[r:__TYPE__]->()
WHERE $source IN coalesce(r.sources, []) AND NOT $stamp IN coalesce(r.seenBy, [])
SET r.sources = [s IN r.sources WHERE s <> $source],
    r.seenBy = [s IN coalesce(r.seenBy, []) WHERE NOT s STARTS WITH $source + '#']
WITH r
WHERE size(r.sources) = 0
DELETE r
RETURN count(*) AS removed
