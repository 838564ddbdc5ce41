// Post-level duties (岗位职责).
// $rev, $rows: [{key, text, norm, holder}]
UNWIND $rows AS row
MATCH (p:Position {rev: $rev, key: row.holder})
CREATE (p)-[:RESPONSIBLE_FOR {raci: 'R'}]->(:Duty {rev: $rev, key: row.key, text: row.text, norm: row.norm})
