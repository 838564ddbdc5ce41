// job: the revision projection that Query.chainOfCommand, Query.reports, Query.commonSuperior, Position.span, Position.layer, Query.orgMetrics, Query.unitMetrics and Query.reportingAnomalies read
// Every unit of a revision in key order, with its parent's key, for the revision's projection
// (org.orgraph.projection). Streamed once per load. Cost: O(units).
// (`key IS NOT NULL` lets the (rev, key) constraint's index find the revision's nodes: no label scan.
// PART_OF and OWNS only ever join units to units and duties, so their counts are the relationships'
// degrees, read without visiting the other end.)
// $rev
// returns: key, name, kind, plannedHeadcount, parent (a unit key, null at a root), parents (how many
//          units it is PART_OF), duties (the duties it OWNS), head (the key of the post that HEADS it, the
//          smallest when several do; null when none does)
MATCH (u:Unit)
WHERE u.rev = $rev AND u.key IS NOT NULL
RETURN u.key AS key, u.name AS name, u.kind AS kind, u.plannedHeadcount AS plannedHeadcount,
       [(u)-[:PART_OF]->(parent:Unit) | parent.key][0] AS parent,
       COUNT { (u)-[:PART_OF]->() } AS parents,
       COUNT { (u)-[:OWNS]->() } AS duties,
       COLLECT { MATCH (h:Position)-[:HEADS]->(u) RETURN h.key AS head ORDER BY head LIMIT 1 }[0] AS head
ORDER BY key
