// serves: Unit.duties
// Department-level duties of the given units.
// $rev, $keys
// returns: key, d (Duty), holderName
MATCH (u:Unit)-[:OWNS]->(d:Duty)
WHERE u.rev = $rev AND u.key IN $keys
RETURN u.key AS key, d, u.name AS holderName
ORDER BY d.key
