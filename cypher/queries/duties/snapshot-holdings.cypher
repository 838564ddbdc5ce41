// job: the revision snapshot the duty analytics and compareRevisions read (Query.dutyOverlaps, Query.orphanedDuties, Query.compareRevisions)
// Who holds which post in a revision.
// $rev
// returns: person, name, position, fte, acting
MATCH (h:Person)-[r:HOLDS]->(p:Position)
WHERE h.rev = $rev
RETURN h.key AS person, h.name AS name, p.key AS position, r.fte AS fte, r.acting AS acting
