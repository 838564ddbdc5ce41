// Posts a document says are held together (由…兼任) without naming people.
// $rows: [{id, concurrentWith}]: element ids of both posts
UNWIND $rows AS row
MATCH (p:Position) WHERE elementId(p) = row.id
MATCH (q:Position) WHERE elementId(q) = row.concurrentWith
CREATE (p)-[:CONCURRENT_WITH]->(q)
