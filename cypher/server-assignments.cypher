// The certificates each server presents, by use.
// params: $fqdns
// returns: fqdn, use, c (certificate)
UNWIND $fqdns AS fqdn
MATCH (:Server {fqdn: fqdn})-[a:ASSIGNED]->(c:Certificate)
RETURN fqdn, a.use AS use, c
ORDER BY fqdn, use
