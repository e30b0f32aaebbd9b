// What tells whether the graph changed since the impact snapshot was read: every import
// records itself on its SourceImport node, and the counts of the nodes and relationships a
// verdict depends on (answered from Neo4j's count store, without reading the graph) show
// additions and deletions made by other means, e.g. in Neo4j Browser.
// params: none
// returns: imports, and one count per label or relationship type
OPTIONAL MATCH (s:SourceImport)
WITH collect([s.id, s.importId, s.lastImport]) AS imports
RETURN imports,
       COUNT { (:Certificate) } AS certificates, COUNT { (:Server) } AS servers,
       COUNT { (:Service) } AS services, COUNT { (:TrustList) } AS trustLists,
       COUNT { (:Handset) } AS handsets, COUNT { (:Firmware) } AS firmware,
       COUNT { (:Platform) } AS platforms, COUNT { (:Pool) } AS pools,
       COUNT { ()-[:ISSUED_BY]->() } AS chainLinks,
       COUNT { ()-[:HAS_CERTIFICATE]->() } AS authorityLinks,
       COUNT { ()-[:ASSIGNED]->() } AS assigned, COUNT { ()-[:TRUSTS]->() } AS trusts,
       COUNT { ()-[:CONNECTS_TO]->() } AS connects, COUNT { ()-[:VALIDATES_WITH]->() } AS validates,
       COUNT { ()-[:MEMBER_OF]->() } AS members, COUNT { ()-[:HOSTED_BY]->() } AS hosted,
       COUNT { ()-[:RUNS]->() } AS runs, COUNT { ()-[:PUBLISHES]->() } AS publishes
