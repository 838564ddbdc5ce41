// job: the revision projection that Query.chainOfCommand, Query.reports, Query.commonSuperior, Position.span, Position.layer and Query.orgMetrics read
// Every position of a revision in key order, with its unit's key, for the revision's
// projection (org.orgraph.projection). Streamed once per load. Cost: O(positions).
// (`key IS NOT NULL` lets the (rev, key) constraint's index find the revision's nodes: no label scan.
// IN, RESPONSIBLE_FOR and CONCURRENT_WITH only ever join posts to units, duties and posts, so their
// counts are the relationships' degrees, read without visiting the other end.)
// $rev
// returns: key, title, grade, headcount, juniorFte, unit (null when the post is in no unit),
//          units (how many units it is IN), concurrentTo and concurrentFrom (CONCURRENT_WITH lines from and to it:
//          declared held together with another post, on its side or the other's),
//          duties (the duties it is RESPONSIBLE_FOR)
MATCH (p:Position)
WHERE p.rev = $rev AND p.key IS NOT NULL
RETURN p.key AS key, p.title AS title, p.grade AS grade, p.headcount AS headcount, p.juniorFte AS juniorFte,
       [(p)-[:IN]->(u:Unit) | u.key][0] AS unit,
       COUNT { (p)-[:IN]->() } AS units,
       COUNT { (p)-[:CONCURRENT_WITH]->() } AS concurrentTo,
       COUNT { (p)<-[:CONCURRENT_WITH]-() } AS concurrentFrom,
       COUNT { (p)-[:RESPONSIBLE_FOR]->() } AS duties
ORDER BY key
