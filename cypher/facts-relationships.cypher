// Creates or refreshes relationships of one type between nodes matched on their keys; one edge
// per pair of nodes. __TYPE__, __FROM__, __FROM_KEY__, __TO__ and __TO_KEY__ are spliced in from
// the model's vocabulary by CypherNames.
// params: $rows  list of {from, to, props}; $source; $stamp  source#importId; $now
// returns: written  edges written; created  of those, how many are new
UNWIND $rows AS row
MATCH (a:__FROM__ {__FROM_KEY__: row.from})
MATCH (b:__TO__ {__TO_KEY__: row.to})
OPTIONAL MATCH (a)-[known:__TYPE__]->(b)
WITH a, b, row, known IS NULL AS created
MERGE (a)-[r:__TYPE__]->(b)
SET r += row.props,
    r.lastSeen = $now,
    r.sources = CASE WHEN $source IN coalesce(r.sources, []) THEN r.sources
                     ELSE coalesce(r.sources, []) + $source END,
    r.seenBy = [s IN coalesce(r.seenBy, []) WHERE NOT s STARTS WITH $source + '#'] + $stamp
RETURN count(r) AS written, count(CASE WHEN created THEN 1 END) AS created
