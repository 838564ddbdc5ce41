// $key
// returns: o (Organization)
MATCH (o:Organization {key: $key})
WHERE o.currentRevision IS NOT NULL
RETURN o
