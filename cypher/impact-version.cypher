// What tells whether the graph changed since the impact snapshot was read: every import
// records itself on its SourceImport node, and the link counts come from Neo4j's count store.
// params: none
// returns: sources, lastImport, chainLinks, authorityLinks
OPTIONAL MATCH (s:SourceImport)
WITH count(s) AS sources, max(s.lastImport) AS lastImport,
     collect(s.importId) AS imports
RETURN sources, lastImport, imports,
       COUNT { ()-[:ISSUED_BY]->() } AS chainLinks,
       COUNT { ()-[:HAS_CERTIFICATE]->() } AS authorityLinks
