// Removes the entries of a trust list that the same source asserted before but not this time.
// params: $id  the trust list id; $source  the import; $importId  this run's id
// returns: removed
MATCH (:TrustList {id: $id})-[r:TRUSTS]->()
WHERE r.source = $source AND r.importId <> $importId
DELETE r
RETURN count(*) AS removed
