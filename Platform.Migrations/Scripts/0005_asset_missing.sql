-- An asset whose stored object is gone (found by a verify-asset job) is 'missing', and counted as such.
ALTER TABLE assets DROP CONSTRAINT IF EXISTS assets_status_check;
ALTER TABLE assets ADD CONSTRAINT assets_status_check CHECK (status IN ('queued', 'processing', 'done', 'failed', 'missing'));
