// job: the audit trail of every write (Query.auditTrail reads it)
// One write, as the audit trail keeps it: who, when, what, which organisation and revision.
// $actor, $action, $organization, $revision, $detail
// returns: nothing
CREATE (:AuditEvent {at: datetime(), actor: $actor, action: $action, organization: $organization,
                     revision: $revision, detail: $detail})
