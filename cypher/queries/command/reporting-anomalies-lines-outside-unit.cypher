// serves: ReportingAnomalies.linesOutsideUnit
// Stated (not derived) solid lines to a manager whose unit is neither the post's own unit nor
// one of the units above it (PART_OF, at most 64 levels). Cost: O(lines · unit depth).
// (`key IS NOT NULL` lets the (rev, key) constraint's index find the revision's nodes: no label scan.)
// $rev, $limit
// returns: p (Position), holders, u (its Unit), m (the manager Position), managerHolders, mu (the manager's Unit)
MATCH (p:Position)-[r:REPORTS_TO {line: true}]->(m:Position)
WHERE p.rev = $rev AND p.key IS NOT NULL AND NOT coalesce(r.derived, false)
MATCH (p)-[:IN]->(u:Unit)
MATCH (m)-[:IN]->(mu:Unit)
WHERE NOT EXISTS { (u)-[:PART_OF*0..64]->(mu) }
RETURN p,
       COUNT { (p)<-[:HOLDS]-(:Person) } AS holders,
       u,
       m,
       COUNT { (m)<-[:HOLDS]-(:Person) } AS managerHolders,
       mu
ORDER BY p.key, m.key
LIMIT $limit
