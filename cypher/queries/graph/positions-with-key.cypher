// serves: Overlap.settledBy
// Positions by key, with the key as a column (for batch loading).
// $rev, $keys
// returns: key, p (Position), holders
MATCH (p:Position)
WHERE p.rev = $rev AND p.key IN $keys
RETURN p.key AS key, p, COUNT { (p)<-[:HOLDS]-(:Person) } AS holders
