// serves: Unit.head
// $rev, $keys
// returns: key, p (the heading Position), holders
MATCH (u:Unit)<-[:HEADS]-(p:Position)
WHERE u.rev = $rev AND u.key IN $keys
RETURN u.key AS key, p, COUNT { (p)<-[:HOLDS]-(:Person) } AS holders
