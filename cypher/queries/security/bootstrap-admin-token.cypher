// Makes the token given in ORGRAPH_ADMIN_TOKEN a valid admin token (idempotent; a changed
// value replaces the old one).
// $hash
// returns: t (ApiToken)
MERGE (t:ApiToken {id: 'bootstrap-admin'})
  ON CREATE SET t.createdAt = datetime()
SET t.name = 'ORGRAPH_ADMIN_TOKEN', t.hash = $hash, t.role = 'ADMIN', t.organization = null, t.revokedAt = null
RETURN t
