// Creates or refreshes nodes of one label, merging on its key only. __LABEL__ and __KEY__ are
// spliced in from the model's vocabulary by CypherNames; everything else is a parameter.
// params: $rows  list of {key, props}; $source  the source id; $stamp  source#importId;
//         $now  the import time
// returns: created  how many nodes are new
UNWIND $rows AS row
OPTIONAL MATCH (known:__LABEL__ {__KEY__: row.key})
WITH row, known IS NULL AS created
MERGE (n:__LABEL__ {__KEY__: row.key})
ON CREATE SET n.firstSeen = $now
SET n += row.props,
    n.lastSeen = $now,
    n.sources = CASE WHEN $source IN coalesce(n.sources, []) THEN n.sources
                     ELSE coalesce(n.sources, []) + $source END,
    n.seenBy = [s IN coalesce(n.seenBy, []) WHERE NOT s STARTS WITH $source + '#'] + $stamp
RETURN count(CASE WHEN created THEN 1 END) AS created
