// serves: Query.reports (totalCount)
// How many posts are under a post along solid lines, at any depth up to $maxDepth links
// (never more than 64). Cost: O(posts under m); nothing but the count leaves the database.
// No row when the revision has no such post (so one query both finds the post and counts).
// $rev, $key, $maxDepth
// returns: n
MATCH (m:Position)
WHERE m.rev = $rev AND m.key = $key
CALL (m) {
  OPTIONAL MATCH path = (m)<-[:REPORTS_TO*1..64 {line: true}]-(p:Position)
  WHERE length(path) <= $maxDepth AND p <> m
  RETURN count(DISTINCT p) AS n
}
RETURN n
