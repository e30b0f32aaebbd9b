// The site's firmware knowledge files kept in the graph, oldest first (later ones win).
// params: none
// returns: name, text
MATCH (k:SiteKnowledge)
RETURN k.id AS name, k.text AS text
ORDER BY k.lastImport
