// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// Forgets a revision that never completed; the organisation goes too if it has no revision left.
// $rev
// returns: nothing
MATCH (r:Revision {id: $rev})
WHERE r.status <> 'complete'
OPTIONAL MATCH (r)-[:OF]->(o:Organization)
DETACH DELETE r
WITH o
WHERE o IS NOT NULL AND o.currentRevision IS NULL AND NOT EXISTS { (o)<-[:OF]-(:Revision) }
DELETE o
