// job: authenticating every request that carries a bearer token
// The live token whose secret has this HMAC (keyed outside the graph, TokenKey); a row with
// only a plain hash is never a valid token, nor is a revoked or expired one.
// $mac
// returns: t (ApiToken)
MATCH (t:ApiToken {mac: $mac})
WHERE t.revokedAt IS NULL
  AND (t.expiresAt IS NULL OR t.expiresAt > datetime())
RETURN t
