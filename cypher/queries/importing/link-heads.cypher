// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// $rows: [{position, unit}]: element ids of the heading post and of its unit
UNWIND $rows AS row
MATCH (p:Position) WHERE elementId(p) = row.position
MATCH (u:Unit) WHERE elementId(u) = row.unit
CREATE (p)-[:HEADS]->(u)
