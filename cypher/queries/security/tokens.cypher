// Every token, newest first (hashes are not returned).
// returns: t (ApiToken)
MATCH (t:ApiToken)
RETURN t
ORDER BY t.createdAt DESC
