// Every trust list with its entries and the store each entry sits in.
// params: none
// returns: id, kind, scope, server (owner of a store, or null), entries (list of {sha1, store})
MATCH (t:TrustList)
OPTIONAL MATCH (t)-[r:TRUSTS]->(c:Certificate)
OPTIONAL MATCH (owner:Server)-[:HAS_STORE]->(t)
RETURN t.id AS id, t.kind AS kind, t.scope AS scope, min(owner.fqdn) AS server,
       collect(CASE WHEN c IS NULL THEN null ELSE {sha1: c.sha1, store: r.store} END) AS entries
