// serves: Organization.revision, and every field with a revision argument
// $org, $number
// returns: r (Revision)
MATCH (r:Revision {org: $org, number: $number})
WHERE r.status = 'complete'
RETURN r
