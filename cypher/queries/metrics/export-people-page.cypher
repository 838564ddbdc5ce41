// serves: GET /api/v1/orgs/{key}/exports/people
// One page of the people export in key order, each with the posts they hold (兼任: several).
// Cost: O(page × holdings of each person).
// $rev, $after (exclusive, '' for the start), $limit
// returns: key, name, holdings, fte, actingHoldings, positionKeys, unitKeys (keys joined with ';')
MATCH (person:Person)
WHERE person.rev = $rev AND person.key > $after
WITH person
ORDER BY person.key
LIMIT $limit
WITH person,
     COLLECT { MATCH (person)-[h:HOLDS]->(p:Position) RETURN [p.key, coalesce(h.fte, 1.0), coalesce(h.acting, false)] AS h ORDER BY p.key } AS holds,
     COLLECT { MATCH (person)-[:HOLDS]->(:Position)-[:IN]->(u:Unit) RETURN DISTINCT u.key AS unit ORDER BY unit } AS units
RETURN person.key AS key, person.name AS name, size(holds) AS holdings,
       reduce(s = 0.0, h IN holds | s + h[1]) AS fte,
       size([h IN holds WHERE h[2]]) AS actingHoldings,
       reduce(s = '', h IN holds | s + CASE WHEN s = '' THEN '' ELSE ';' END + h[0]) AS positionKeys,
       reduce(s = '', u IN units | s + CASE WHEN s = '' THEN '' ELSE ';' END + u) AS unitKeys
ORDER BY key
