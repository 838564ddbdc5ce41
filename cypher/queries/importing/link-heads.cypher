// $rev, $rows: [{position, unit}]
UNWIND $rows AS row
MATCH (p:Position {rev: $rev, key: row.position})
MATCH (u:Unit {rev: $rev, key: row.unit})
CREATE (p)-[:HEADS]->(u)
