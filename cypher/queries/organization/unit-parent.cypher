// serves: Unit.parent
// $rev, $keys
// returns: key, u (the parent Unit)
MATCH (c:Unit)-[:PART_OF]->(u:Unit)
WHERE c.rev = $rev AND c.key IN $keys
RETURN c.key AS key, u
