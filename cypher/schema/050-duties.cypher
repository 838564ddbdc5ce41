// A consultant's verdict on a pair of duties, one per organisation and pair of normal forms.
CREATE CONSTRAINT overlap_review_pair IF NOT EXISTS FOR (r:OverlapReview) REQUIRE (r.org, r.pair) IS UNIQUE;
// A duty text's sentence vector, kept so a restart or another instance embeds only new texts:
// key = model + ':' + SHA-256 of the text (the text itself is not stored here), vector = 512
// little-endian floats.
CREATE CONSTRAINT duty_meaning_key IF NOT EXISTS FOR (m:DutyMeaning) REQUIRE m.key IS UNIQUE;
