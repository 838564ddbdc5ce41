// serves: Organization.person
// $rev, $keys
// returns: p (Person)
MATCH (p:Person)
WHERE p.rev = $rev AND p.key IN $keys
RETURN p
