-- The worker looks for jobs queued long ago that no stream entry points to (the api stopped between recording a
-- job and queueing it). Only queued jobs are indexed: few at any time, whatever the history's size.
CREATE INDEX IF NOT EXISTS jobs_queued_created_at ON jobs (created_at) WHERE status = 'queued';
