// serves: Unit.positions
// $rev, $keys
// returns: key, p (a Position in the unit), holders
MATCH (u:Unit)<-[:IN]-(p:Position)
WHERE u.rev = $rev AND u.key IN $keys
RETURN u.key AS key, p, COUNT { (p)<-[:HOLDS]-(:Person) } AS holders
ORDER BY p.key
