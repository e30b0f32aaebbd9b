// Which templates each authority publishes.
// params: none
// returns: authority, templates (names)
MATCH (a:Authority)
RETURN a.name AS authority, [(a)-[:PUBLISHES]->(t:Template) | t.name] AS templates
