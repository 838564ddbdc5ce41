// A consultant's verdict on a pair of duties, one per organisation and pair of normal forms.
CREATE CONSTRAINT overlap_review_pair IF NOT EXISTS FOR (r:OverlapReview) REQUIRE (r.org, r.pair) IS UNIQUE;
