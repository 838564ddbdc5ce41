// job: start-up, keying tokens stored before secrets were keyed
// Tokens stored before secrets were keyed (a plain SHA-256 hash, no HMAC), for the one-time
// migration at the first start with a token key.
// returns: id, hash
MATCH (t:ApiToken)
WHERE t.hash IS NOT NULL AND t.mac IS NULL
RETURN t.id AS id, t.hash AS hash
