// Remembers what a source wrote, so a later import of the same source knows which labels and
// relationship types to clean up.
// params: $source; $importId; $now; $labels; $types; $file
// returns: labels, types  everything the source has written so far, this import included
MERGE (s:SourceImport {id: $source})
ON CREATE SET s.firstImport = $now, s.labels = [], s.types = []
WITH s, s.labels AS oldLabels, s.types AS oldTypes
SET s.lastImport = $now, s.importId = $importId, s.file = $file,
    s.labels = oldLabels + [l IN $labels WHERE NOT l IN oldLabels],
    s.types = oldTypes + [t IN $types WHERE NOT t IN oldTypes]
RETURN s.labels AS labels, s.types AS types
