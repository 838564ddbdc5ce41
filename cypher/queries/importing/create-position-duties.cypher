// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// Post-level duties (岗位职责).
// $rev, $rows: [{key, text, norm, placeholder (a stand-in text, see PlaceholderDuties), holder (the post's element id)}]
UNWIND $rows AS row
MATCH (p:Position) WHERE elementId(p) = row.holder
CREATE (p)-[:RESPONSIBLE_FOR {raci: 'R'}]->(:Duty {rev: $rev, key: row.key, text: row.text, norm: row.norm, placeholder: row.placeholder})
