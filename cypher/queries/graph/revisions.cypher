// serves: Organization.revisions
// Complete revisions of one organisation, newest first.
// $org
// returns: r (Revision)
MATCH (r:Revision {org: $org})
WHERE r.status = 'complete'
RETURN r
ORDER BY r.number DESC
