// Revisions left 'building' by an import that was cut off (crash, kill -9); cleaned at start-up.
// $minimumAgeSeconds: only revisions started at least this long ago
// returns: id
MATCH (r:Revision)
WHERE r.status = 'building'
  AND r.createdAt <= datetime() - duration({seconds: $minimumAgeSeconds})
RETURN r.id AS id
