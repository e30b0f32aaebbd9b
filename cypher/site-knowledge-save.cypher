// Keeps a site's firmware knowledge file in the graph, so later imports (of phones, of device
// update rules) judge firmware with it without being given the file again.
// params: $name (the file's name), $text (its content), $now
// returns: nothing
MERGE (k:SiteKnowledge {id: $name})
SET k.text = $text, k.lastImport = $now
