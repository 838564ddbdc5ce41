// The live token with this hash, if any.
// $hash
// returns: t (ApiToken)
MATCH (t:ApiToken {hash: $hash})
WHERE t.revokedAt IS NULL
RETURN t
