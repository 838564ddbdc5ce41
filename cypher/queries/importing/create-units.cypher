// $rev, $rows: [{key, name, kind, plannedHeadcount}]
UNWIND $rows AS row
CREATE (:Unit {rev: $rev, key: row.key, name: row.name, kind: row.kind, plannedHeadcount: row.plannedHeadcount})
