// serves: Query.reports (direct: true, totalCount)
// How many posts report to a post on a solid line. Cost: O(direct reports), read off the
// relationship counts of m. No row when the revision has no such post.
// $rev, $key
// returns: n
MATCH (m:Position)
WHERE m.rev = $rev AND m.key = $key
RETURN COUNT { MATCH (p:Position)-[:REPORTS_TO {line: true}]->(m) WHERE p <> m RETURN DISTINCT p } AS n
