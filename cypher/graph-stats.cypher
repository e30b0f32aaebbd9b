// A few counts that show the graph is reachable and what it holds.
// params: none
// returns: certificates, trustLists, issuerLinks
RETURN COUNT { (:Certificate) } AS certificates,
       COUNT { (:TrustList) } AS trustLists,
       COUNT { ()-[:ISSUED_BY]->() } AS issuerLinks
