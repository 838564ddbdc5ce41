// serves: Organization.units
// One page of a revision's units in key order (keyset paging: O(page) whatever the offset).
// $rev, $after (exclusive, '' for the start), $limit
// returns: u (Unit)
MATCH (u:Unit)
WHERE u.rev = $rev AND u.key > $after
RETURN u
ORDER BY u.key
LIMIT $limit
