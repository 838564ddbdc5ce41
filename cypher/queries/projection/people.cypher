// job: the revision projection that Query.chainOfCommand, Query.reports, Query.commonSuperior, Position.span, Position.layer and Query.orgMetrics read
// Every person of a revision in key order, for the revision's projection
// (org.orgraph.projection). Streamed once per load. Cost: O(people).
// (`key IS NOT NULL` lets the (rev, key) constraint's index find the revision's nodes: no label scan.)
// $rev
// returns: key, name
MATCH (person:Person)
WHERE person.rev = $rev AND person.key IS NOT NULL
RETURN person.key AS key, person.name AS name
ORDER BY key
