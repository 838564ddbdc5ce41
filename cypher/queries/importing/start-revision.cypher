// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// Opens revision N+1 of an organisation (creating the organisation on first import).
// The counter lives on the organisation node, so concurrent imports take its write lock
// and get distinct numbers.
// The writing instance holds a lease on it (owner, heartbeatAt renewed while it writes).
// sharedDutiesMarked: its duties carry `shared` marks (see duties/shared-duties);
// sharedDutiesListed: those duties are also listed in `SharedDuties` nodes (see
// duties/shared-duty-lists). Revisions written before imports did either lack the flag.
// $org, $name, $format, $source, $metadata (JSON text), $jobId, $owner
// returns: id, number
MERGE (o:Organization {key: $org})
  ON CREATE SET o.name = $name, o.lastRevision = 0, o.createdAt = datetime()
SET o.lastRevision = coalesce(o.lastRevision, 0) + 1
CREATE (r:Revision {
  id: $org + '/' + toString(o.lastRevision),
  org: $org,
  number: o.lastRevision,
  createdAt: datetime(),
  format: $format,
  source: $source,
  metadata: $metadata,
  status: 'building',
  jobId: $jobId,
  owner: $owner,
  heartbeatAt: datetime(),
  sharedDutiesMarked: true,
  sharedDutiesListed: true
})
CREATE (r)-[:OF]->(o)
RETURN r.id AS id, r.number AS number
