// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// Solid (line) reporting; derived = true when the import worked it out from unit heads.
// $rows: [{from, to, derived}]: element ids of the reporting post and of its manager
UNWIND $rows AS row
MATCH (a:Position) WHERE elementId(a) = row.from
MATCH (b:Position) WHERE elementId(b) = row.to
CREATE (a)-[:REPORTS_TO {line: true, derived: row.derived}]->(b)
