// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// $rows: [{person, position, fte, acting}]: element ids of the person and of the post
UNWIND $rows AS row
MATCH (h:Person) WHERE elementId(h) = row.person
MATCH (p:Position) WHERE elementId(p) = row.position
CREATE (h)-[:HOLDS {fte: row.fte, acting: row.acting}]->(p)
