// How many posts are under a post along solid lines, at any depth up to $maxDepth links
// (never more than 64). Cost: O(posts under m); nothing but the count leaves the database.
// $rev, $key, $maxDepth
// returns: n
MATCH (m:Position)
WHERE m.rev = $rev AND m.key = $key
OPTIONAL MATCH path = (m)<-[:REPORTS_TO*1..64 {line: true}]-(p:Position)
WHERE length(path) <= $maxDepth AND p <> m
RETURN count(DISTINCT p) AS n
