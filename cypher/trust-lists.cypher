// Trust lists, all of them or those with the given ids, with their entry counts.
// params: $ids (null for all)
// returns: t, entries
MATCH (t:TrustList)
WHERE $ids IS NULL OR t.id IN $ids
RETURN t, COUNT { (t)-[:TRUSTS]->() } AS entries
ORDER BY t.id
