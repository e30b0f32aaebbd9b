// Which of the given thumbprints the graph already holds with their bytes. A certificate known
// only by its thumbprint (unresolved) counts as new: its issuers were never looked for.
// params: $sha1s
// returns: sha1
UNWIND $sha1s AS sha1
MATCH (c:Certificate {sha1: sha1})
WHERE NOT coalesce(c.unresolved, false)
RETURN c.sha1 AS sha1
