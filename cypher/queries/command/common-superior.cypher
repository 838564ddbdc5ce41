// serves: Query.commonSuperior
// The lowest common superior of two sets of posts: the post s reached along solid lines from
// one post a of $a and one post b of $b (a post reaches itself) with the fewest links in all,
// then the fewest links on the longer side, then by keys. No row when no post is above both
// (different tops). Each side walks up from its own posts only (at most 65 paths each: 64
// links, the default orgraph.max-depth; $maxDepth may lower it) and the two are joined on s,
// so the cost is O(|$a|·|$b|·64²) at worst, whatever the size of the organisation. The join
// hint keeps it that way: left to itself the planner walks b's side up, then expands *down*
// from every superior of b to find a, which visits the whole subtree of b's top (every post
// of the organisation for two posts under one chief executive).
// $rev, $a, $b (position keys), $maxDepth
// returns: s (the common superior), pathA, holdersA (a's post up to s, both included, and
//          their holder counts), pathB, holdersB
MATCH (a:Position)
WHERE a.rev = $rev AND a.key IN $a
MATCH pa = (a)-[:REPORTS_TO*0..64 {line: true}]->(s:Position)
WHERE length(pa) <= $maxDepth
MATCH (b:Position)
WHERE b.rev = $rev AND b.key IN $b
MATCH pb = (b)-[:REPORTS_TO*0..64 {line: true}]->(s)
USING JOIN ON s
WHERE length(pb) <= $maxDepth
WITH s, pa, pb, a, b
ORDER BY length(pa) + length(pb),
         CASE WHEN length(pa) > length(pb) THEN length(pa) ELSE length(pb) END,
         s.key, a.key, b.key
LIMIT 1
RETURN s,
       nodes(pa) AS pathA,
       [n IN nodes(pa) | COUNT { (n)<-[:HOLDS]-(:Person) }] AS holdersA,
       nodes(pb) AS pathB,
       [n IN nodes(pb) | COUNT { (n)<-[:HOLDS]-(:Person) }] AS holdersB
