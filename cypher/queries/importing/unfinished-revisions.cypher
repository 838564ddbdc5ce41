// job: leases and start-up recovery of imports cut off (crash, kill -9)
// Revisions left 'building' by an import that was cut off (crash, kill -9) and whose lease
// has run out: the writer renews heartbeatAt while it writes, so a revision another live
// instance is writing is never taken. Revisions from before leases count from createdAt.
// $minimumAgeSeconds: the lease (0 when this process alone can write the store), $held: ids this instance is writing
// returns: id
MATCH (r:Revision)
WHERE r.status = 'building'
  AND NOT r.id IN $held
  AND coalesce(r.heartbeatAt, r.createdAt) <= datetime() - duration({seconds: $minimumAgeSeconds})
RETURN r.id AS id
