// $rows: [{id, parent}]: element ids of a unit and of its parent, as create-units returned them
// (a seek by id: no index lookup per row)
UNWIND $rows AS row
MATCH (u:Unit) WHERE elementId(u) = row.id
MATCH (p:Unit) WHERE elementId(p) = row.parent
CREATE (u)-[:PART_OF]->(p)
