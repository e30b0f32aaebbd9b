// Withdraws a source from the nodes of one label it asserted before but not in this import.
// A node no source asserts any more is removed, except certificates whose bytes the graph holds:
// a certificate is a fact about the world and stays once seen.
// params: $source; $stamp  source#importId of this import
// returns: removed  nodes deleted
MATCH (n:__LABEL__)
WHERE $source IN coalesce(n.sources, []) AND NOT $stamp IN coalesce(n.seenBy, [])
SET n.sources = [s IN n.sources WHERE s <> $source],
    n.seenBy = [s IN coalesce(n.seenBy, []) WHERE NOT s STARTS WITH $source + '#']
WITH n
WHERE size(n.sources) = 0 AND (NOT n:Certificate OR coalesce(n.unresolved, false))
DETACH DELETE n
RETURN count(*) AS removed
