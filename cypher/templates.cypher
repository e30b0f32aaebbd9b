// Certificate templates with how many certificates came from each and who publishes them.
// params: none
// returns: t, certificates (count), publishedBy (authority names)
MATCH (t:Template)
RETURN t, COUNT { (:Certificate)-[:FROM_TEMPLATE]->(t) } AS certificates,
       [(a:Authority)-[:PUBLISHES]->(t) | a.name] AS publishedBy
ORDER BY t.name
