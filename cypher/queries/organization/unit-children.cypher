// serves: Unit.children
// $rev, $keys
// returns: key, u (a child Unit)
MATCH (p:Unit)<-[:PART_OF]-(u:Unit)
WHERE p.rev = $rev AND p.key IN $keys
RETURN p.key AS key, u
ORDER BY u.key
