// serves: Query.apiTokens
// Every token, newest first (hashes are not returned); for a caller limited to one
// organisation only the tokens limited to it (the others do not exist for it).
// $organization (null: every token)
// returns: t (ApiToken)
MATCH (t:ApiToken)
WHERE $organization IS NULL OR t.organization = $organization
RETURN t
ORDER BY t.createdAt DESC
