// serves: ReportingAnomalies.cycles
// Reporting cycles along solid lines, one row per cycle, listed from its smallest key in
// the order the lines run. Only cycles of at most $maxDepth posts (never more than 64) are
// found; posts on longer loops show as not reaching a top. Cost: O(posts · 64).
// (`key IS NOT NULL` lets the (rev, key) constraint's index find the revision's nodes: no label scan.)
// $rev, $maxDepth, $limit
// returns: posts (the Positions on the cycle, in line order), holders (their holder counts)
MATCH (p:Position)
WHERE p.rev = $rev AND p.key IS NOT NULL
MATCH path = (p)-[:REPORTS_TO*1..64 {line: true}]->(p)
WHERE length(path) <= $maxDepth AND all(n IN nodes(path) WHERE n.key >= p.key)
WITH p, nodes(path)[0..-1] AS posts
ORDER BY p.key
LIMIT $limit
RETURN posts, [n IN posts | COUNT { (n)<-[:HOLDS]-(:Person) }] AS holders
