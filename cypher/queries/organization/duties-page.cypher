// serves: Organization.duties
// One page of a revision's duties in key order, each with the unit or position holding it.
// $rev, $after, $limit
// returns: d (Duty), holderKind, holderKey, holderName
MATCH (d:Duty)
WHERE d.rev = $rev AND d.key > $after
WITH d
ORDER BY d.key
LIMIT $limit
MATCH (h)-[:OWNS|RESPONSIBLE_FOR]->(d)
RETURN d,
       CASE WHEN h:Unit THEN 'UNIT' ELSE 'POSITION' END AS holderKind,
       h.key AS holderKey,
       coalesce(h.name, h.title) AS holderName
ORDER BY d.key
