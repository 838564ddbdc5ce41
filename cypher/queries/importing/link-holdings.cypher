// $rows: [{person, position, fte, acting}]: element ids of the person and of the post
UNWIND $rows AS row
MATCH (h:Person) WHERE elementId(h) = row.person
MATCH (p:Position) WHERE elementId(p) = row.position
CREATE (h)-[:HOLDS {fte: row.fte, acting: row.acting}]->(p)
