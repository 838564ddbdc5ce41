// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// Post-level duties (岗位职责), one row per post with its duties as parallel lists: one seek and
// one parameter map per post, not per duty.
// $rev, $rows: [{holder (the post's element id), keys, texts, norms, placeholders (stand-in texts,
// see PlaceholderDuties), shared (true when another duty of the revision has the same norm, else
// null: no property, see SharedNorms)}], the lists of one row all as long, in the post's order of duties
UNWIND $rows AS row
MATCH (p:Position) WHERE elementId(p) = row.holder
UNWIND range(0, size(row.keys) - 1) AS i
CREATE (p)-[:RESPONSIBLE_FOR {raci: 'R'}]->(:Duty {rev: $rev, key: row.keys[i], text: row.texts[i], norm: row.norms[i],
                                                  placeholder: row.placeholders[i], shared: row.shared[i]})
