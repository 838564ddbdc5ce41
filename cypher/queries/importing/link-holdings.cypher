// $rev, $rows: [{person, position, fte, acting}]
UNWIND $rows AS row
MATCH (h:Person {rev: $rev, key: row.person})
MATCH (p:Position {rev: $rev, key: row.position})
CREATE (h)-[:HOLDS {fte: row.fte, acting: row.acting}]->(p)
