// job: the revision projection that Query.chainOfCommand, Query.reports, Query.commonSuperior, Position.span, Position.layer and Query.orgMetrics read
// Who holds which post in a revision, one row per HOLDS relationship, for the revision's
// projection (org.orgraph.projection). Streamed once per load. Cost: O(holdings).
// (`key IS NOT NULL` lets the (rev, key) constraint's index find the revision's nodes: no label scan.)
// $rev
// returns: person (key), position (key), fte, acting
MATCH (person:Person)-[h:HOLDS]->(p:Position)
WHERE person.rev = $rev AND person.key IS NOT NULL
RETURN person.key AS person, p.key AS position, h.fte AS fte, h.acting AS acting
