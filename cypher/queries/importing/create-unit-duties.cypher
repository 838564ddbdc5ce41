// Department-level duties (部门职责).
// $rev, $rows: [{key, text, norm, holder}]
UNWIND $rows AS row
MATCH (u:Unit {rev: $rev, key: row.holder})
CREATE (u)-[:OWNS]->(:Duty {rev: $rev, key: row.key, text: row.text, norm: row.norm})
