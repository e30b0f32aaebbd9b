// Certification authorities with their own certificates, what they issued and what they publish.
// params: none
// returns: a, certificates (nodes), issued (count), templates (names)
MATCH (a:Authority)
OPTIONAL MATCH (a)-[:HAS_CERTIFICATE]->(c:Certificate)
WITH a, collect(c) AS certificates
RETURN a, certificates,
       COUNT { (a)-[:ISSUED]->() } AS issued,
       [(a)-[:PUBLISHES]->(t:Template) | t.name] AS templates
ORDER BY a.name
