// serves: Position.unit
// $rev, $keys
// returns: key, u (the Unit the position is in)
MATCH (p:Position)-[:IN]->(u:Unit)
WHERE p.rev = $rev AND p.key IN $keys
RETURN p.key AS key, u
