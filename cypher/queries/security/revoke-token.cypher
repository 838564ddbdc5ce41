// Revokes a token; revoking twice keeps the first time.
// $id
// returns: t (ApiToken)
MATCH (t:ApiToken {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, datetime())
RETURN t
