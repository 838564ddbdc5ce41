// serves: Query.organizations
// Every organisation that has a complete revision.
// returns: o (Organization)
MATCH (o:Organization)
WHERE o.currentRevision IS NOT NULL
RETURN o
ORDER BY o.key
