// $rev, $rows: [{key, name}]
UNWIND $rows AS row
CREATE (:Person {rev: $rev, key: row.key, name: row.name})
