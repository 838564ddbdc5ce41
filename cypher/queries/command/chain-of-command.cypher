// serves: Query.chainOfCommand
// The chain of command above each starting post: one row per link, from the post (depth 0)
// along solid lines (line = true) to the top. The walk is the longest solid path from the
// post of at most $maxDepth links (and never more than 64, the default orgraph.max-depth:
// variable-length bounds cannot be parameters). Paths never repeat a relationship, so on a
// cycle the walk stops as soon as it is back at a post it has seen: that post is the last
// row a second time. Cost per start: O(d²) for a chain of d links (every prefix is a path).
// $rev, $keys (starting position keys), $maxDepth
// returns: start, depth, p (the Position's key, title, grade, headcount, juniorFte), holders (count),
//          u (its Unit's key, name, kind, plannedHeadcount),
//          people (list of {person: {key, name}, acting, fte, posts: how many posts the person holds}),
//          line, derived (the link from p to the next post; null on the last row),
//          dotted (list of {p: {key, title, grade, headcount, juniorFte}, holders}: dotted lines from p),
//          concurrentWith (p is declared held together with another post, either way),
//          above (p still has a solid line: true on the last row when the walk was cut or looped)
// Properties, not nodes: a chain is a dozen rows of four to ten nodes, and nodes carry their
// element ids and labels over Bolt as well.
MATCH (start:Position)
WHERE start.rev = $rev AND start.key IN $keys
CALL (start) {
  MATCH path = (start)-[:REPORTS_TO*0..64 {line: true}]->(:Position)
  WHERE length(path) <= $maxDepth
  RETURN nodes(path) AS chain, relationships(path) AS lines
  ORDER BY length(path) DESC
  LIMIT 1
}
UNWIND range(0, size(chain) - 1) AS depth
WITH start, depth, chain[depth] AS p, lines[depth] AS r
MATCH (p)-[:IN]->(u:Unit)
RETURN start.key AS start,
       depth,
       p {.key, .title, .grade, .headcount, .juniorFte} AS p,
       COUNT { (p)<-[:HOLDS]-(:Person) } AS holders,
       u {.key, .name, .kind, .plannedHeadcount} AS u,
       COLLECT {
         MATCH (person:Person)-[h:HOLDS]->(p)
         RETURN {person: person {.key, .name}, acting: coalesce(h.acting, false), fte: coalesce(h.fte, 1.0),
                 posts: COUNT { (person)-[:HOLDS]->(:Position) }} AS holding
         ORDER BY person.key
       } AS people,
       r.line AS line,
       r.derived AS derived,
       COLLECT {
         MATCH (p)-[:REPORTS_TO {line: false}]->(q:Position)
         RETURN {p: q {.key, .title, .grade, .headcount, .juniorFte}, holders: COUNT { (q)<-[:HOLDS]-(:Person) }} AS dotted
         ORDER BY q.key
       } AS dotted,
       EXISTS { (p)-[:CONCURRENT_WITH]-(:Position) } AS concurrentWith,
       EXISTS { (p)-[:REPORTS_TO {line: true}]->(:Position) } AS above
ORDER BY start, depth
