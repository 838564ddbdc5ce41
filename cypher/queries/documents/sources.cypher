// serves: Unit.source, Position.source, Duty.source
// Unit.source, Position.source, Duty.source: the provenance an org document read by
// POST /api/v1/documents/extract (or imported with format=document) kept on its revision
// $revs: revision ids ("org/number")
// returns: rev, metadata (the revision's extra document fields as JSON text; "sources" among them)
MATCH (r:Revision)
WHERE r.id IN $revs
RETURN r.id AS rev, r.metadata AS metadata
