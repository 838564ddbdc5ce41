// Makes a fully written revision the organisation's current one. Checks, under the
// organisation's write lock, that no newer revision became current meanwhile.
// $org, $rev, $name, $counts (JSON text)
// returns: number
MATCH (o:Organization {key: $org})
MATCH (r:Revision {id: $rev})
WHERE r.status = 'building'
SET o.name = $name,
    o.currentRevision = CASE WHEN coalesce(o.currentRevision, 0) < r.number THEN r.number ELSE o.currentRevision END,
    r.status = 'complete',
    r.completedAt = datetime(),
    r.counts = $counts
RETURN r.number AS number, o.currentRevision AS current
