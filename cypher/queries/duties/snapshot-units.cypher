// job: the revision snapshot the duty analytics and compareRevisions read (Query.dutyOverlaps, Query.orphanedDuties, Query.compareRevisions)
// Every unit of a revision with its parent and head, for in-memory analytics.
// $rev
// returns: key, name, parent, head, plannedHeadcount
MATCH (u:Unit)
WHERE u.rev = $rev
OPTIONAL MATCH (u)-[:PART_OF]->(p:Unit)
OPTIONAL MATCH (h:Position)-[:HEADS]->(u)
RETURN u.key AS key, u.name AS name, p.key AS parent, h.key AS head, u.plannedHeadcount AS plannedHeadcount
