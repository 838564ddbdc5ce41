// job: reading a revision back as a document (Mutation.editOrganization)
// Every position of a revision as an org document states it: only stated reporting lines
// (derived ones are worked out again from unit heads), unit heads first in each unit.
// $rev
// returns: key, title, unit, reportsTo, headcount, grade, juniorFte, concurrentWith, duties [[key, text]]
MATCH (p:Position {rev: $rev})-[:IN]->(u:Unit)
WHERE p.key IS NOT NULL
OPTIONAL MATCH (p)-[:REPORTS_TO {line: true, derived: false}]->(m:Position)
OPTIONAL MATCH (p)-[:CONCURRENT_WITH]->(c:Position)
RETURN p.key AS key, p.title AS title, u.key AS unit, m.key AS reportsTo, p.headcount AS headcount,
       p.grade AS grade, p.juniorFte AS juniorFte, c.key AS concurrentWith,
       EXISTS { (p)-[:HEADS]->(u) } AS head,
       COLLECT { MATCH (p)-[:RESPONSIBLE_FOR]->(d:Duty) RETURN [d.key, d.text] AS duty ORDER BY d.key } AS duties
ORDER BY unit, head DESC, key
