-- Who may do what in this database: one role per service (created by this step, see Platform.Npgsql's README), each
-- with only what it uses and owning nothing, so no service can change the schema. Run after every migration: a table
-- a migration adds is granted here or to nobody.
DO $$ BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO api, worker, analytics', current_database());
END $$;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO api, worker, analytics;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM api, worker, analytics;

-- api: its callers' assets, the jobs it queues and retries for them, and their history.
GRANT SELECT, INSERT, UPDATE, DELETE ON assets, jobs, job_events TO api;
-- worker: runs the jobs, records each attempt, and reconciles the assets.
GRANT SELECT, INSERT, UPDATE, DELETE ON assets, jobs, job_events TO worker;
-- analytics: the api's reports on the replica; reading is all it may do, also when its reads fall back to the primary.
GRANT SELECT ON assets, jobs, job_events TO analytics;
