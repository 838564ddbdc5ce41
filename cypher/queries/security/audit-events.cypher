// The newest audit events first.
// $limit
// returns: e (AuditEvent)
MATCH (e:AuditEvent)
RETURN e
ORDER BY e.at DESC
LIMIT $limit
