// Pools with their sites, for the scope of web service trust lists.
// params: none
// returns: fqdn, site
MATCH (p:Pool)
RETURN p.fqdn AS fqdn, p.site AS site
