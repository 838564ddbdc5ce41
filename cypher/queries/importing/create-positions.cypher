// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// $rev, $rows: [{key, title, unit (the unit's element id), headcount, grade, juniorFte}]
// returns: key, id (the new node's element id, which the later phases link by)
UNWIND $rows AS row
MATCH (u:Unit) WHERE elementId(u) = row.unit
CREATE (p:Position {rev: $rev, key: row.key, title: row.title, headcount: row.headcount, grade: row.grade,
                    juniorFte: row.juniorFte})-[:IN]->(u)
RETURN row.key AS key, elementId(p) AS id
