// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// Makes a fully written revision the organisation's current one. The first SET takes the
// organisation's write lock, so what follows reads under it: an edit made against revision
// $expectedCurrent lands only if that is still current (no lost update, even with several
// service instances on one database), and the reporting lines it changed ($changed) must not
// loop in the written revision. Imports pass null for both and never conflict: the newest
// import is current.
// $org, $rev, $name, $counts (JSON text), $expectedCurrent (Int or null), $changed ([position key])
// returns: outcome (COMPLETE | CONFLICT | CYCLE | GONE), current
MATCH (o:Organization {key: $org})
SET o.lastWriteAt = datetime()
WITH o
OPTIONAL MATCH (r:Revision {id: $rev})
WHERE r.status = 'building'
WITH o, r,
     CASE
       WHEN r IS NULL THEN 'GONE'
       WHEN $expectedCurrent IS NOT NULL AND coalesce(o.currentRevision, 0) <> $expectedCurrent THEN 'CONFLICT'
       WHEN EXISTS {
         MATCH (p:Position {rev: $rev})
         WHERE p.key IN $changed AND EXISTS { (p)-[:REPORTS_TO*1..64]->(p) }
       } THEN 'CYCLE'
       ELSE 'COMPLETE'
     END AS outcome
FOREACH (done IN CASE WHEN outcome = 'COMPLETE' THEN [r] ELSE [] END |
  SET o.name = $name,
      o.currentRevision = CASE WHEN coalesce(o.currentRevision, 0) < done.number THEN done.number ELSE o.currentRevision END,
      done.status = 'complete',
      done.completedAt = datetime(),
      done.counts = $counts
)
RETURN outcome, coalesce(o.currentRevision, 0) AS current
