// API tokens are looked up by the hash of the presented token; ids name them in the API.
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at);
CREATE CONSTRAINT api_token_mac IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.mac IS UNIQUE;
