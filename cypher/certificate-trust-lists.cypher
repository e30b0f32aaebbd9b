// The trust lists that hold each of the given certificates.
// params: $sha1s
// returns: sha1, t (trust list node), entries (its entry count)
UNWIND $sha1s AS sha1
MATCH (t:TrustList)-[:TRUSTS]->(:Certificate {sha1: sha1})
RETURN sha1, t, COUNT { (t)-[:TRUSTS]->() } AS entries
ORDER BY sha1, t.id
