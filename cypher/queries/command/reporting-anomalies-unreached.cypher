// serves: ReportingAnomalies.postsWithoutTop
// Posts that reach no top (a post without a solid line) within $maxDepth solid links (never
// more than 64, the default orgraph.max-depth): posts on a cycle, posts whose chain runs into
// one, and chains longer than the bound. Each post's walk is its longest solid path (a post
// has at most one solid line, as every import writes them); the post reaches no top when
// that walk ends at a post that still has a solid line. For each post found, the nearest
// post of a cycle on its chain and how many links away it is (null when the chain is only
// too long). Cost: O(d) per post for chains of d links, plus O(d²) per post found.
// (`key IS NOT NULL` lets the (rev, key) constraint's index find the revision's nodes: no label scan.)
// $rev, $maxDepth, $limit
// returns: p (Position), holders, entry (the first post on a cycle, or null), entryHolders, links
MATCH (p:Position)
WHERE p.rev = $rev AND p.key IS NOT NULL AND EXISTS { (p)-[:REPORTS_TO {line: true}]->(:Position) }
CALL (p) {
  MATCH walk = (p)-[:REPORTS_TO*1..64 {line: true}]->(end:Position)
  WHERE length(walk) <= $maxDepth
  RETURN end
  ORDER BY length(walk) DESC
  LIMIT 1
}
WITH p, end
WHERE EXISTS { (end)-[:REPORTS_TO {line: true}]->(:Position) }
WITH p
ORDER BY p.key
LIMIT $limit
OPTIONAL CALL (p) {
  MATCH path = (p)-[:REPORTS_TO*0..64 {line: true}]->(c:Position)
  WHERE length(path) <= $maxDepth
    AND EXISTS {
      MATCH loop = (c)-[:REPORTS_TO*1..64 {line: true}]->(c)
      WHERE length(loop) <= $maxDepth
    }
  RETURN c AS entry, COUNT { (c)<-[:HOLDS]-(:Person) } AS entryHolders, length(path) AS links
  ORDER BY links
  LIMIT 1
}
RETURN p, COUNT { (p)<-[:HOLDS]-(:Person) } AS holders, entry, entryHolders, links
ORDER BY p.key
