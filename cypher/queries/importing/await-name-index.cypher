// job: import (Mutation.importOrganization, Mutation.editOrganization, POST /api/v1/orgs/{key}/imports, the import command)
// Waits until the name search index (cypher/schema/030-fulltext.cypher, eventually consistent)
// holds every name and title the import wrote, so that a revision is searchable the moment it is
// made current. The index takes the revision's names on its own thread while the import writes
// duties and lines; this waits only for what is left.
// returns: nothing
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
