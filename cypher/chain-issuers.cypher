// The certificates in the graph that may issue others, for the in-memory index that finds the
// issuers of new certificates: CA certificates and self-signed ones (which include version 1
// roots that predate the CA flag). Both sets are read through their labels, never by a scan of
// every certificate.
// params: none
// returns: sha1, ski, subjectKey, der
MATCH (c:CA)
WHERE c.der IS NOT NULL
RETURN c.sha1 AS sha1, c.subjectKeyId AS ski, c.subjectKey AS subjectKey, c.der AS der
UNION
MATCH (c:Root)
WHERE c.der IS NOT NULL
RETURN c.sha1 AS sha1, c.subjectKeyId AS ski, c.subjectKey AS subjectKey, c.der AS der
