// Import jobs are stored so that every instance on the database answers importJob; found by id.
CREATE CONSTRAINT import_job_id IF NOT EXISTS FOR (j:ImportJob) REQUIRE j.id IS UNIQUE;
