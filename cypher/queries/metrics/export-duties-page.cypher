// serves: GET /api/v1/orgs/{key}/exports/duties
// One page of the duties export in key order, each with the unit (部门职责) or post (岗位职责)
// holding it and the unit it belongs to (the unit itself, or the post's unit).
// Cost: O(page).
// $rev, $after (exclusive, '' for the start), $limit
// returns: key, text, holderKind, holderKey, holderName, unit
MATCH (d:Duty)
WHERE d.rev = $rev AND d.key > $after
WITH d
ORDER BY d.key
LIMIT $limit
WITH d, COLLECT { MATCH (h)-[:OWNS|RESPONSIBLE_FOR]->(d) RETURN h ORDER BY h.key }[0] AS h
RETURN d.key AS key, d.text AS text,
       CASE WHEN h:Unit THEN 'UNIT' WHEN h:Position THEN 'POSITION' END AS holderKind,
       h.key AS holderKey, coalesce(h.name, h.title) AS holderName,
       CASE WHEN h:Unit THEN h.key ELSE COLLECT { MATCH (h)-[:IN]->(u:Unit) RETURN u.key }[0] END AS unit
ORDER BY key
