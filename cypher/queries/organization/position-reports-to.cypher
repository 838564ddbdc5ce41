// serves: Position.reportsTo
// The lines a position reports on (solid and dotted).
// $rev, $keys
// returns: key, p (the manager Position), holders, line, derived
MATCH (a:Position)-[r:REPORTS_TO]->(p:Position)
WHERE a.rev = $rev AND a.key IN $keys
RETURN a.key AS key, p, COUNT { (p)<-[:HOLDS]-(:Person) } AS holders, r.line AS line, r.derived AS derived
