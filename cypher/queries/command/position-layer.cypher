// serves: Position.layer
// Each post's layer: the solid links from it up to its top (a post without a solid line),
// 0 for a top. No row for a post that reaches no top within $maxDepth links (never more
// than 64): its chain loops or is longer. Cost: O(d²) per post for a chain of d links.
// $rev, $keys, $maxDepth
// returns: key, layer
MATCH (p:Position)
WHERE p.rev = $rev AND p.key IN $keys
MATCH path = (p)-[:REPORTS_TO*0..64 {line: true}]->(t:Position)
WHERE length(path) <= $maxDepth AND NOT EXISTS { (t)-[:REPORTS_TO {line: true}]->(:Position) }
RETURN p.key AS key, min(length(path)) AS layer
