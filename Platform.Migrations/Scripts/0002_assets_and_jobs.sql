-- Assets (the uploaded files), the jobs that work on them, and each job's history.
-- IF NOT EXISTS throughout: re-running the script by hand on an up-to-date database changes nothing.

CREATE TABLE IF NOT EXISTS assets (
    id uuid PRIMARY KEY,
    file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
    declared_content_type text NOT NULL,
    size_bytes bigint NOT NULL CHECK (size_bytes > 0),
    object_key text NOT NULL,
    status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'processing', 'done', 'failed')),
    -- Filled in by processing:
    content_type text,
    sha256 text,
    report_key text,
    attempts integer NOT NULL DEFAULT 0,
    error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    processing_started_at timestamptz,
    processed_at timestamptz
);

-- The asset list pages newest first.
CREATE INDEX IF NOT EXISTS assets_created_at_id ON assets (created_at DESC, id DESC);

CREATE TABLE IF NOT EXISTS jobs (
    id uuid PRIMARY KEY,
    type text NOT NULL,
    asset_id uuid NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'processing', 'retrying', 'done', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    error text,
    result jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    completed_at timestamptz
);

CREATE INDEX IF NOT EXISTS jobs_asset_id ON jobs (asset_id);

-- Append-only: who ran which attempt, in which trace, and how it ended. A job completes exactly once,
-- so it has at most one 'done' event however often it was delivered.
CREATE TABLE IF NOT EXISTS job_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    event text NOT NULL CHECK (event IN ('started', 'retry-scheduled', 'handed-back', 'done', 'dead-lettered')),
    attempt integer NOT NULL,
    worker text NOT NULL,
    trace_id text,
    detail text
);

CREATE INDEX IF NOT EXISTS job_events_job_id ON job_events (job_id, id);
CREATE UNIQUE INDEX IF NOT EXISTS job_events_one_done ON job_events (job_id) WHERE event = 'done';
