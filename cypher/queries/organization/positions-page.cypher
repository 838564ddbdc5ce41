// serves: Organization.positions
// One page of a revision's positions in key order.
// $rev, $after, $limit
// returns: p (Position), holders
MATCH (p:Position)
WHERE p.rev = $rev AND p.key > $after
RETURN p, COUNT { (p)<-[:HOLDS]-(:Person) } AS holders
ORDER BY p.key
LIMIT $limit
