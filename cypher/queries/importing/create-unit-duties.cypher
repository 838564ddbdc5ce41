// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// Department-level duties (部门职责).
// $rev, $rows: [{key, text, norm, placeholder (a stand-in text, see PlaceholderDuties), holder (the unit's element id)}]
UNWIND $rows AS row
MATCH (u:Unit) WHERE elementId(u) = row.holder
CREATE (u)-[:OWNS]->(:Duty {rev: $rev, key: row.key, text: row.text, norm: row.norm, placeholder: row.placeholder})
