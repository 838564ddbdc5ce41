// job: the revision snapshot the duty analytics and compareRevisions read (Query.dutyOverlaps, Query.orphanedDuties, Query.compareRevisions)
// Every position of a revision with its unit, solid-line manager and concurrent post.
// $rev
// returns: key, title, unit, manager, derived, concurrentWith, headcount
MATCH (p:Position)
WHERE p.rev = $rev
MATCH (p)-[:IN]->(u:Unit)
OPTIONAL MATCH (p)-[r:REPORTS_TO {line: true}]->(m:Position)
OPTIONAL MATCH (p)-[:CONCURRENT_WITH]->(c:Position)
RETURN p.key AS key, p.title AS title, u.key AS unit, m.key AS manager, r.derived AS derived,
       c.key AS concurrentWith, p.headcount AS headcount
