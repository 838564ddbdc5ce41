// Posts a document says are held together (由…兼任) without naming people.
// $rev, $rows: [{key, concurrentWith}]
UNWIND $rows AS row
MATCH (p:Position {rev: $rev, key: row.key})
MATCH (q:Position {rev: $rev, key: row.concurrentWith})
CREATE (p)-[:CONCURRENT_WITH]->(q)
