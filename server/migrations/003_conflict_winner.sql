-- Up Migration
-- Who won a lost edit: the name of the teammate whose change the server kept, taken when it decided, so the
-- device that lost can say "replaced by … (by Camille)" without reading the team's user list.
ALTER TABLE conflicts ADD COLUMN kept_by text;

-- Down Migration
ALTER TABLE conflicts DROP COLUMN kept_by;
