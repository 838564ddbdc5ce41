// job: reading a revision back as a document (Mutation.editOrganization)
// Every unit of a revision as an org document states it: parent and own duties.
// $rev
// returns: key, name, parent, kind, plannedHeadcount, duties [[key, text]]
MATCH (u:Unit {rev: $rev})
WHERE u.key IS NOT NULL
OPTIONAL MATCH (u)-[:PART_OF]->(parent:Unit)
RETURN u.key AS key, u.name AS name, parent.key AS parent, u.kind AS kind, u.plannedHeadcount AS plannedHeadcount,
       COLLECT { MATCH (u)-[:OWNS]->(d:Duty) RETURN [d.key, d.text] AS duty ORDER BY d.key } AS duties
ORDER BY key
