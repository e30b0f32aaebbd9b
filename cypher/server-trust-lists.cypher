// The certificate stores of each server, and the trust lists it validates with.
// params: $fqdns
// returns: fqdn, t (trust list), entries
UNWIND $fqdns AS fqdn
MATCH (s:Server {fqdn: fqdn})
MATCH (s)-[:HAS_STORE|VALIDATES_WITH]->(t:TrustList)
WITH DISTINCT fqdn, t
RETURN fqdn, t, COUNT { (t)-[:TRUSTS]->() } AS entries
ORDER BY fqdn, t.id
