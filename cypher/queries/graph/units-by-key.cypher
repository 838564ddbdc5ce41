// serves: Organization.unit, Query.dutyGaps
// $rev, $keys
// returns: u (Unit)
MATCH (u:Unit)
WHERE u.rev = $rev AND u.key IN $keys
RETURN u
