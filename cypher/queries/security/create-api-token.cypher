// serves: Mutation.createApiToken
// Stores a new API token: only the HMAC of its secret's SHA-256, never the secret.
// $id, $name, $mac, $role, $organization, $expiresAt (ISO instant, or null: never expires)
// returns: t (ApiToken)
CREATE (t:ApiToken {id: $id, name: $name, mac: $mac, role: $role, organization: $organization,
                    createdAt: datetime(), expiresAt: datetime($expiresAt)})
RETURN t
