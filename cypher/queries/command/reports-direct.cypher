// serves: Query.reports (direct: true)
// One page of the posts reporting to a post on a solid line, in key order (keyset paging).
// Cost: O(direct reports) per page.
// $rev, $key (the manager's position key), $after (exclusive, '' for the start), $limit
// returns: p (Position), holders
MATCH (m:Position)<-[:REPORTS_TO {line: true}]-(p:Position)
WHERE m.rev = $rev AND m.key = $key AND p.key > $after AND p <> m
RETURN DISTINCT p, COUNT { (p)<-[:HOLDS]-(:Person) } AS holders
ORDER BY p.key
LIMIT $limit
