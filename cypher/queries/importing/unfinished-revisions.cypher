// Revisions left 'building' by an import that was cut off (crash, kill -9); cleaned at start-up.
// returns: id
MATCH (r:Revision)
WHERE r.status = 'building'
RETURN r.id AS id
