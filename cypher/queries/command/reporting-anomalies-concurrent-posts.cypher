// serves: ReportingAnomalies.concurrentPosts
// People holding more than $max posts at once (兼任). Cost: O(people + holdings).
// (`key IS NOT NULL` lets the (rev, key) constraint's index find the revision's nodes: no label scan.)
// $rev, $max, $limit
// returns: person (Person), posts (list of {p: Position, holders, acting, fte}, in key order)
MATCH (person:Person)
WHERE person.rev = $rev AND person.key IS NOT NULL AND COUNT { (person)-[:HOLDS]->(:Position) } > $max
WITH person
ORDER BY person.key
LIMIT $limit
RETURN person,
       COLLECT {
         MATCH (person)-[h:HOLDS]->(p:Position)
         RETURN {p: p, holders: COUNT { (p)<-[:HOLDS]-(:Person) }, acting: coalesce(h.acting, false),
                 fte: coalesce(h.fte, 1.0)} AS post
         ORDER BY p.key
       } AS posts
ORDER BY person.key
