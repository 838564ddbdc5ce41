// serves: ReportingAnomalies.tops, ReportingAnomalies.postsWithoutTop
// The tops of a revision: posts without a solid line above them, each with how many posts
// are under it (solid lines, at most $maxDepth links, never more than 64). Cost: O(posts),
// each post below a top being reached once.
// (`key IS NOT NULL` lets the (rev, key) constraint's index find the revision's nodes: no label scan.)
// $rev, $maxDepth, $limit
// returns: p (Position), holders, direct (posts reporting to it), under (posts under it at any depth)
MATCH (p:Position)
WHERE p.rev = $rev AND p.key IS NOT NULL AND NOT EXISTS { (p)-[:REPORTS_TO {line: true}]->(:Position) }
WITH p
ORDER BY p.key
LIMIT $limit
CALL (p) {
  OPTIONAL MATCH path = (p)<-[:REPORTS_TO*1..64 {line: true}]-(x:Position)
  WHERE length(path) <= $maxDepth
  RETURN count(DISTINCT x) AS under
}
RETURN p,
       COUNT { (p)<-[:HOLDS]-(:Person) } AS holders,
       COUNT { (p)<-[:REPORTS_TO {line: true}]-(:Position) } AS direct,
       under
ORDER BY p.key
