// serves: Query.chainOfCommand, Query.commonSuperior (a person key to the posts they hold)
// What a key names in one revision: a position, a person, or both (keys are unique per
// label, not across labels). A position stands for itself; a person for every post they hold.
// $rev, $key
// returns: kind ('POSITION' or 'PERSON'), node (the Position or Person), posts (position keys, in key order)
MATCH (p:Position)
WHERE p.rev = $rev AND p.key = $key
RETURN 'POSITION' AS kind, p AS node, [p.key] AS posts
UNION ALL
MATCH (person:Person)
WHERE person.rev = $rev AND person.key = $key
RETURN 'PERSON' AS kind, person AS node,
       COLLECT { MATCH (person)-[:HOLDS]->(p:Position) RETURN p.key ORDER BY p.key } AS posts
