// serves: Query.auditTrail
// The newest audit events first; for a caller limited to one organisation only that
// organisation's events.
// $limit, $organization (null: every event)
// returns: e (AuditEvent)
MATCH (e:AuditEvent)
WHERE $organization IS NULL OR e.organization = $organization
RETURN e
ORDER BY e.at DESC
LIMIT $limit
