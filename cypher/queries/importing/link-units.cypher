// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// $rows: [{id, parent}]: element ids of a unit and of its parent, as create-units returned them
// (a seek by id: no index lookup per row)
UNWIND $rows AS row
MATCH (u:Unit) WHERE elementId(u) = row.id
MATCH (p:Unit) WHERE elementId(p) = row.parent
CREATE (u)-[:PART_OF]->(p)
