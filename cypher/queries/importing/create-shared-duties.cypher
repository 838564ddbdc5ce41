// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// One batch's shared duties (those marked `shared`, see SharedNorms) as one list node: exact
// overlaps and orphans then read a few large rows (duties/shared-duty-lists) instead of a row,
// an expand and a holder per shared duty. A revision never changes, so the copy cannot go stale.
// $rev, $index (the batch's place in the import: lists are read in that order), $keys, $texts,
// $norms, $holderKinds ('UNIT' | 'POSITION'), $holders (the holders' keys), all as long
// returns: nothing
CREATE (:SharedDuties {rev: $rev, index: $index, keys: $keys, texts: $texts, norms: $norms,
                       holderKinds: $holderKinds, holders: $holders})
