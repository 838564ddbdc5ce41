// job: reading a revision back as a document (Mutation.editOrganization)
// Every person of a revision with the posts they hold.
// $rev
// returns: key, name, holds [{position, fte, acting}]
MATCH (h:Person {rev: $rev})
WHERE h.key IS NOT NULL
RETURN h.key AS key, h.name AS name,
       COLLECT { MATCH (h)-[x:HOLDS]->(p:Position) RETURN {position: p.key, fte: x.fte, acting: x.acting} AS holding
                 ORDER BY p.key } AS holds
ORDER BY key
