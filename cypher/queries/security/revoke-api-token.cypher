// serves: Mutation.revokeApiToken
// Revokes a token; revoking twice keeps the first time. A caller limited to one organisation
// reaches only the tokens limited to it.
// $id, $organization (null: any token)
// returns: t (ApiToken)
MATCH (t:ApiToken {id: $id})
WHERE $organization IS NULL OR t.organization = $organization
SET t.revokedAt = coalesce(t.revokedAt, datetime())
RETURN t
