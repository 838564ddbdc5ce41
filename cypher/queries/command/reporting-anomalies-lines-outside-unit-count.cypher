// serves: ReportingAnomalies.linesOutsideUnitCount
// How many stated solid lines run outside the unit tree (the lines reporting-anomalies-lines-outside-unit
// lists, without its cap), for ReportingAnomalies.linesOutsideUnitCount. Cost: O(lines · unit depth).
// $rev
// returns: count
MATCH (p:Position)-[r:REPORTS_TO {line: true}]->(m:Position)
WHERE p.rev = $rev AND p.key IS NOT NULL AND NOT coalesce(r.derived, false)
MATCH (p)-[:IN]->(u:Unit)
MATCH (m)-[:IN]->(mu:Unit)
WHERE NOT EXISTS { (u)-[:PART_OF*0..64]->(mu) }
RETURN count(*) AS count
