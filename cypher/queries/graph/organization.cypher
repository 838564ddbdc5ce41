// serves: Query.organization, and every field that names an organisation
// The organisation with the numbers of its complete revisions, so that a request naming a
// revision learns whether it exists from the lookup it makes anyway.
// $key
// returns: o (Organization), complete (list of revision numbers)
MATCH (o:Organization {key: $key})
WHERE o.currentRevision IS NOT NULL
RETURN o, COLLECT { MATCH (r:Revision {org: $key}) WHERE r.status = 'complete' RETURN r.number } AS complete
