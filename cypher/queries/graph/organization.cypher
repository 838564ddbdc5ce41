// serves: Query.organization, and every field that names an organisation
// $key
// returns: o (Organization)
MATCH (o:Organization {key: $key})
WHERE o.currentRevision IS NOT NULL
RETURN o
