// serves: Person.holds
// $rev, $keys
// returns: key, p (Position), holders, fte, acting
MATCH (person:Person)-[h:HOLDS]->(p:Position)
WHERE person.rev = $rev AND person.key IN $keys
RETURN person.key AS key, p, COUNT { (p)<-[:HOLDS]-(:Person) } AS holders, h.fte AS fte, h.acting AS acting
ORDER BY p.key
