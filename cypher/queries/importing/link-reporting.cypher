// Solid (line) reporting; derived = true when the import worked it out from unit heads.
// $rev, $rows: [{from, to, derived}]
UNWIND $rows AS row
MATCH (a:Position {rev: $rev, key: row.from})
MATCH (b:Position {rev: $rev, key: row.to})
CREATE (a)-[:REPORTS_TO {line: true, derived: row.derived}]->(b)
