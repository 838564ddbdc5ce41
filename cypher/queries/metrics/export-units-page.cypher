// serves: GET /api/v1/orgs/{key}/exports/units
// One page of the units export in key order: each unit with its place in the tree and its own
// posts (not its subtree's; the metrics export has both).
// Cost: O(page × (unit depth + posts + holdings + duties of each unit)).
// $rev, $after (exclusive, '' for the start), $limit
// returns: key, name, kind, parent, depth, head, plannedHeadcount, positions, seats, filled, filledFte, duties
MATCH (u:Unit)
WHERE u.rev = $rev AND u.key > $after
WITH u
ORDER BY u.key
LIMIT $limit
WITH u, [(p:Position)-[:IN]->(u) | [coalesce(p.headcount, 1), [(p)<-[h:HOLDS]-(:Person) | coalesce(h.fte, 1.0)]]] AS posts
RETURN u.key AS key, u.name AS name, u.kind AS kind,
       COLLECT { MATCH (u)-[:PART_OF]->(x:Unit) RETURN x.key }[0] AS parent,
       COLLECT { MATCH path = (u)-[:PART_OF*0..64]->(t:Unit) WHERE NOT (t)-[:PART_OF]->(:Unit) RETURN length(path) }[0] AS depth,
       COLLECT { MATCH (h:Position)-[:HEADS]->(u) RETURN h.key ORDER BY h.key }[0] AS head,
       u.plannedHeadcount AS plannedHeadcount,
       size(posts) AS positions,
       reduce(s = 0, p IN posts | s + p[0]) AS seats,
       reduce(s = 0, p IN posts | s + size(p[1])) AS filled,
       reduce(s = 0.0, p IN posts | reduce(t = s, f IN p[1] | t + f)) AS filledFte,
       COUNT { (u)-[:OWNS]->(:Duty) } AS duties
ORDER BY key
