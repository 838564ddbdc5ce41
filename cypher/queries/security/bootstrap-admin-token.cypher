// job: start-up, the admin token given in ORGRAPH_ADMIN_TOKEN
// Makes the token given in ORGRAPH_ADMIN_TOKEN a valid admin token (idempotent; a changed
// value replaces the old one).
// $mac
// returns: t (ApiToken)
MERGE (t:ApiToken {id: 'bootstrap-admin'})
  ON CREATE SET t.createdAt = datetime()
SET t.name = 'ORGRAPH_ADMIN_TOKEN', t.mac = $mac, t.role = 'ADMIN', t.organization = null, t.revokedAt = null
REMOVE t.hash
RETURN t
