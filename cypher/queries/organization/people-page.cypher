// serves: Organization.people
// One page of a revision's people in key order.
// $rev, $after, $limit
// returns: p (Person)
MATCH (p:Person)
WHERE p.rev = $rev AND p.key > $after
RETURN p
ORDER BY p.key
LIMIT $limit
