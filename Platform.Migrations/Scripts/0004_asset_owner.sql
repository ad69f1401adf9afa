-- Who uploaded an asset: the subject (sub) of their token. A user sees their own assets and their jobs; an admin all.
-- Assets from before ownership have none, and only admins see them.
ALTER TABLE assets ADD COLUMN IF NOT EXISTS owner_id text;

-- A user's list pages newest first, as the whole list does.
CREATE INDEX IF NOT EXISTS assets_owner_created_at_id ON assets (owner_id, created_at DESC, id DESC);
