// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// Posts a document says are held together (由…兼任) without naming people.
// $rows: [{id, concurrentWith}]: element ids of both posts
UNWIND $rows AS row
MATCH (p:Position) WHERE elementId(p) = row.id
MATCH (q:Position) WHERE elementId(q) = row.concurrentWith
CREATE (p)-[:CONCURRENT_WITH]->(q)
