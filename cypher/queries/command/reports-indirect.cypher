// serves: Query.reports
// One page of every post under a post along solid lines, at any depth up to $maxDepth links
// (never more than 64, the default orgraph.max-depth), in key order (keyset paging). Each
// page expands the whole subtree and keeps the $limit smallest keys after $after:
// O(posts under m) per page, whatever the page.
// $rev, $key (the manager's position key), $after (exclusive, '' for the start), $limit, $maxDepth
// returns: p (Position), holders
MATCH (m:Position)
WHERE m.rev = $rev AND m.key = $key
MATCH path = (m)<-[:REPORTS_TO*1..64 {line: true}]-(p:Position)
WHERE length(path) <= $maxDepth AND p.key > $after AND p <> m
WITH DISTINCT p
ORDER BY p.key
LIMIT $limit
RETURN p, COUNT { (p)<-[:HOLDS]-(:Person) } AS holders
ORDER BY p.key
