// serves: GET /api/v1/orgs/{key}/exports/positions
// One page of the positions export in key order. reportsTo lists the solid-line managers (every
// import format writes at most one; several would be joined with ';' in key order).
// Cost: O(page × (holdings + reporting lines + duties of each post)).
// $rev, $after (exclusive, '' for the start), $limit
// returns: key, title, unit, reportsTo, headcount, filled, filledFte, vacantSeats, grade, juniorFte,
//   unitName, reportsToDerived, headOf, directReports, duties, concurrentWith
MATCH (p:Position)
WHERE p.rev = $rev AND p.key > $after
WITH p
ORDER BY p.key
LIMIT $limit
WITH p, coalesce(p.headcount, 1) AS headcount,
     [(p)<-[h:HOLDS]-(:Person) | coalesce(h.fte, 1.0)] AS ftes,
     COLLECT { MATCH (p)-[r:REPORTS_TO {line: true}]->(m:Position) RETURN [m.key, r.derived] AS line ORDER BY m.key } AS lines,
     COLLECT { MATCH (p)-[:IN]->(u:Unit) RETURN u }[0] AS u
RETURN p.key AS key, p.title AS title, u.key AS unit,
       CASE WHEN size(lines) = 0 THEN null ELSE reduce(s = '', l IN lines | s + CASE WHEN s = '' THEN '' ELSE ';' END + l[0]) END AS reportsTo,
       headcount, size(ftes) AS filled, reduce(s = 0.0, f IN ftes | s + f) AS filledFte,
       CASE WHEN size(ftes) < headcount THEN headcount - size(ftes) ELSE 0 END AS vacantSeats,
       p.grade AS grade, coalesce(p.juniorFte, 0.0) AS juniorFte, u.name AS unitName,
       CASE WHEN size(lines) = 0 THEN null ELSE all(l IN lines WHERE l[1] = true) END AS reportsToDerived,
       COLLECT { MATCH (p)-[:HEADS]->(x:Unit) RETURN x.key ORDER BY x.key }[0] AS headOf,
       COUNT { (p)<-[:REPORTS_TO {line: true}]-(:Position) } AS directReports,
       COUNT { (p)-[:RESPONSIBLE_FOR]->(:Duty) } AS duties,
       COLLECT { MATCH (p)-[:CONCURRENT_WITH]->(c:Position) RETURN c.key ORDER BY c.key }[0] AS concurrentWith
ORDER BY key
