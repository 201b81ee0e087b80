-- A later migration, for the upgrade test only: it changes a table that already holds rows.
ALTER TABLE users ADD COLUMN nickname VARCHAR(64) NOT NULL DEFAULT '';
