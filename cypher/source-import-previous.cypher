// The labels and relationship types a source wrote in its earlier imports: what an import of
// the same source may have to withdraw. A source imported for the first time has nothing.
// params: $source
// returns: labels, types
OPTIONAL MATCH (s:SourceImport {id: $source})
RETURN coalesce(s.labels, []) AS labels, coalesce(s.types, []) AS types
