// Name and title search. The CJK analyzer indexes Chinese as character bigrams and Latin
// script as words, so both 财务 and "finance" find what they should.
// Eventually consistent: a commit hands the index its names and returns, and the index takes them
// on its own thread. An import waits for it once, before its revision is made current
// (importing/await-name-index), instead of every batch refreshing the index as it commits: at a
// million people that kept one core busy in Lucene while the other waited. Stores made with the
// synchronous index ("names") lose it here and build this one at start-up.
DROP INDEX names IF EXISTS;
CREATE FULLTEXT INDEX name_search IF NOT EXISTS
FOR (n:Person|Position|Unit) ON EACH [n.name, n.title, n.rev]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}};
