// Records the labels and relationship types a source is about to write, before it writes
// them, so that an import that stops half way is still withdrawn by the next one.
// params: $source; $now; $labels; $types
// returns: labels, types  everything the source has written so far
MERGE (s:SourceImport {id: $source})
ON CREATE SET s.firstImport = $now, s.labels = [], s.types = []
WITH s, s.labels AS oldLabels, s.types AS oldTypes
SET s.labels = oldLabels + [l IN $labels WHERE NOT l IN oldLabels],
    s.types = oldTypes + [t IN $types WHERE NOT t IN oldTypes]
RETURN s.labels AS labels, s.types AS types
