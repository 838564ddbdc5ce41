// $rev, $rows: [{key, title, unit, headcount, grade, juniorFte}]
UNWIND $rows AS row
MATCH (u:Unit {rev: $rev, key: row.unit})
CREATE (p:Position {rev: $rev, key: row.key, title: row.title, headcount: row.headcount, grade: row.grade,
                    juniorFte: row.juniorFte})-[:IN]->(u)
