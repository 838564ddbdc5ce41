// Name and title search. The CJK analyzer indexes Chinese as character bigrams and Latin
// script as words, so both 财务 and "finance" find what they should.
CREATE FULLTEXT INDEX names IF NOT EXISTS
FOR (n:Person|Position|Unit) ON EACH [n.name, n.title, n.rev]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}};
