// Like facts-relationships, for types whose parallel edges are told apart by a key property
// (ASSIGNED by use). __REL_KEY__ is spliced in from the model's vocabulary by CypherNames.
// params: $rows  list of {from, to, relKey, props}; $source; $stamp  source#importId; $now
// returns: written  edges written; created  of those, how many are new
UNWIND $rows AS row
MATCH (a:__FROM__ {__FROM_KEY__: row.from})
MATCH (b:__TO__ {__TO_KEY__: row.to})
OPTIONAL MATCH (a)-[known:__TYPE__ {__REL_KEY__: row.relKey}]->(b)
WITH a, b, row, known IS NULL AS created
MERGE (a)-[r:__TYPE__ {__REL_KEY__: row.relKey}]->(b)
SET r += row.props,
    r.lastSeen = $now,
    r.sources = CASE WHEN $source IN coalesce(r.sources, []) THEN r.sources
                     ELSE coalesce(r.sources, []) + $source END,
    r.seenBy = [s IN coalesce(r.seenBy, []) WHERE NOT s STARTS WITH $source + '#'] + $stamp
RETURN count(r) AS written, count(CASE WHEN created THEN 1 END) AS created
