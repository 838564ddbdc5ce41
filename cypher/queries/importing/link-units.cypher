// $rev, $rows: [{key, parent}]
UNWIND $rows AS row
MATCH (u:Unit {rev: $rev, key: row.key})
MATCH (p:Unit {rev: $rev, key: row.parent})
CREATE (u)-[:PART_OF]->(p)
