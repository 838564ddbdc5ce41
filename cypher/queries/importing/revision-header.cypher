// job: reading a revision back as a document (Mutation.editOrganization)
// The organisation and format of one complete revision, for reading it back as a document.
// $org, $number
// returns: name, rev, format, metadata (JSON text), current
MATCH (o:Organization {key: $org})<-[:OF]-(r:Revision {number: $number})
WHERE r.status = 'complete'
RETURN o.name AS name, r.id AS rev, r.format AS format, r.metadata AS metadata,
       o.currentRevision AS current
