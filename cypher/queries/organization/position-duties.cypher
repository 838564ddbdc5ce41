// serves: Position.duties
// Post-level duties of the given positions.
// $rev, $keys
// returns: key, d (Duty), holderName
MATCH (p:Position)-[:RESPONSIBLE_FOR]->(d:Duty)
WHERE p.rev = $rev AND p.key IN $keys
RETURN p.key AS key, d, p.title AS holderName
ORDER BY d.key
