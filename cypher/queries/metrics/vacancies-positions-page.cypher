// serves: Vacancies.positions
// Seats (headcount) against holders for one page of posts in key order.
// Cost: O(page × holders) without a status filter; with one, O(posts scanned until the page is full).
// $rev, $after (exclusive, '' for the start), $limit,
// $statuses (null for every post, or a list of OVER_ESTABLISHMENT | SHORTFALL | FULL to keep)
// returns: p (Position), unit (key), seats, filled, filledFte, holders (keys, in key order), status
MATCH (p:Position)
WHERE p.rev = $rev AND p.key > $after
WITH p
ORDER BY p.key
WITH p, coalesce(p.headcount, 1) AS seats,
     COLLECT { MATCH (p)<-[h:HOLDS]-(person:Person) RETURN [person.key, coalesce(h.fte, 1.0)] AS holding ORDER BY person.key } AS holdings
WITH p, seats, size(holdings) AS filled, reduce(s = 0.0, h IN holdings | s + h[1]) AS filledFte,
     [h IN holdings | h[0]] AS holders
WITH *,
     CASE
       WHEN filled > seats THEN 'OVER_ESTABLISHMENT'
       WHEN filled < seats THEN 'SHORTFALL'
       ELSE 'FULL'
     END AS status
WHERE $statuses IS NULL OR status IN $statuses
RETURN p, COLLECT { MATCH (p)-[:IN]->(u:Unit) RETURN u.key }[0] AS unit, seats, filled, filledFte, holders, status
ORDER BY p.key
LIMIT $limit
