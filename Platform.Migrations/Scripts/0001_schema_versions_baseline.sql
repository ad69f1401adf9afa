-- Baseline: the schema every service relies on starts here.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
