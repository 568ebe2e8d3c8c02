-- What each role may do with the store's tables, run by tdn_owner after `tdn store migrate` has
-- made them (and again after an upgrade of tdn whose migration adds a table):
--
--   psql -v ON_ERROR_STOP=1 -U tdn_owner -d tdn -f grants.sql
--
-- No role is granted UPDATE, DELETE or TRUNCATE on anything. Safe to run again.
SET search_path = tdn;

-- a room imports its sessions. To tell a session already stored from a conflict it compares the
-- content hash; whether the stored bytes are intact it asks tdn_stored_intact, which runs with
-- the owner's rights. It reads no patient, clinician or record column.
GRANT INSERT ON sessions TO tdn_room;
-- with each session, what reports count of it (schema version 4)
GRANT INSERT ON needled_points, session_deviations, session_adverse_events TO tdn_room;
GRANT SELECT (id, content_sha256, rowid, started_at) ON sessions TO tdn_room;
GRANT EXECUTE ON FUNCTION tdn_stored_intact(text) TO tdn_room;
-- each entry names the hash of the last: the room reads the number and hash, not the entries
GRANT INSERT ON audit TO tdn_room;
GRANT SELECT (seq, sha256) ON audit TO tdn_room;

-- reporting reads every session and the trail, and appends the entries its reading leaves
GRANT SELECT ON sessions, needled_points, session_deviations, session_adverse_events TO tdn_report;
GRANT SELECT, INSERT ON audit TO tdn_report;
-- a pseudonymised export makes the pseudonyms it needs and reads those made before (version 6)
GRANT SELECT, INSERT ON pseudonyms TO tdn_report;

-- both look up the schema's version before anything else (no patient data in it)
GRANT SELECT ON tdn_schema_history TO tdn_room, tdn_report;
