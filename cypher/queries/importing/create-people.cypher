// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// $rev, $rows: [{key, name}]
// returns: key, id (the new node's element id, which the later phases link by)
UNWIND $rows AS row
CREATE (p:Person {rev: $rev, key: row.key, name: row.name})
RETURN row.key AS key, elementId(p) AS id
