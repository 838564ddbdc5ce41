// job: leases and start-up recovery of imports cut off (crash, kill -9)
// Renews the lease of the revisions this instance is writing: another instance's start-up or
// sweep removes a revision left 'building' only once its lease has run out.
// $owner (this instance), $ids (revision ids it is writing)
// returns: nothing
MATCH (r:Revision)
WHERE r.id IN $ids AND r.owner = $owner AND r.status = 'building'
SET r.heartbeatAt = datetime()
