// job: the revision projection that Query.chainOfCommand, Query.reports, Query.commonSuperior, Position.span, Position.layer and Query.orgMetrics read
// Every reporting line of a revision, solid (line = true) and dotted (line = false), for the
// revision's projection (org.orgraph.projection). Streamed once per load. Cost: O(lines).
// (`key IS NOT NULL` lets the (rev, key) constraint's index find the revision's nodes: no label scan.)
// $rev
// returns: from (the reporting post's key), to (its manager's key), line, derived
MATCH (p:Position)-[r:REPORTS_TO]->(m:Position)
WHERE p.rev = $rev AND p.key IS NOT NULL
RETURN p.key AS from, m.key AS to, r.line AS line, r.derived AS derived
