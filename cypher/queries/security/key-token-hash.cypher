// job: start-up, keying tokens stored before secrets were keyed
// Replaces a token's plain SHA-256 hash with its HMAC (one-time migration).
// $id, $mac
// returns: t (ApiToken)
MATCH (t:ApiToken {id: $id})
WHERE t.mac IS NULL
SET t.mac = $mac
REMOVE t.hash
RETURN t
