// serves: Organization.position, Query.dutyGaps, Overlap.explanation
// $rev, $keys
// returns: p (Position), holders
MATCH (p:Position)
WHERE p.rev = $rev AND p.key IN $keys
RETURN p, COUNT { (p)<-[:HOLDS]-(:Person) } AS holders
