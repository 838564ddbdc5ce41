// serves: Position.holders
// $rev, $keys
// returns: key, person (Person), fte, acting
MATCH (p:Position)<-[h:HOLDS]-(person:Person)
WHERE p.rev = $rev AND p.key IN $keys
RETURN p.key AS key, person, h.fte AS fte, h.acting AS acting
ORDER BY person.key
