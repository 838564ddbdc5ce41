// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// $rev, $rows: [{key, name, kind, plannedHeadcount}]
// returns: key, id (the new node's element id, which the later phases link by)
UNWIND $rows AS row
CREATE (u:Unit {rev: $rev, key: row.key, name: row.name, kind: row.kind, plannedHeadcount: row.plannedHeadcount})
RETURN row.key AS key, elementId(u) AS id
