// Stores a new API token (only its SHA-256 hash).
// $id, $name, $hash, $role, $organization
// returns: t (ApiToken)
CREATE (t:ApiToken {id: $id, name: $name, hash: $hash, role: $role, organization: $organization,
                    createdAt: datetime()})
RETURN t
