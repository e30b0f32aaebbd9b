// Whether the graph holds no node at all.
// params: none
// returns: empty
RETURN NOT EXISTS { MATCH (n) } AS empty
