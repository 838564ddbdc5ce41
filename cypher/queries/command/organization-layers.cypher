// serves: Organization.layers
// How many layers a revision has: 1 + the longest solid path from any post down to a top
// (a post without a solid line), 0 without posts. Posts that reach no top (cycles) are not
// counted. Walks down from every top once: O(posts reached) paths of at most $maxDepth
// links (never more than 64).
// (`key IS NOT NULL` lets the (rev, key) constraint's index find the revision's nodes: no label scan.)
// $rev, $maxDepth
// returns: layers
MATCH (t:Position)
WHERE t.rev = $rev AND t.key IS NOT NULL AND NOT EXISTS { (t)-[:REPORTS_TO {line: true}]->(:Position) }
OPTIONAL MATCH path = (t)<-[:REPORTS_TO*0..64 {line: true}]-(:Position)
WHERE length(path) <= $maxDepth
RETURN coalesce(max(length(path)) + 1, 0) AS layers
