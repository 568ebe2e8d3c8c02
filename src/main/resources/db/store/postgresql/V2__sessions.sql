-- The clinic store on PostgreSQL starts where the SQLite store is at version 2: the same table and
-- indexes, with the record kept as the bytes that arrived (bytea), so they round-trip whatever the
-- database's encoding, and started_utc a fixed-width UTC text key as on SQLite, so both stores
-- order and filter sessions by the same comparison (COLLATE "C": byte order, as SQLite compares,
-- whatever locale the clinic's database was made with).
CREATE TABLE sessions (
  id             text COLLATE "C" PRIMARY KEY,
  patient_id     text NOT NULL,
  clinician_id   text NOT NULL,
  started_at     text NOT NULL,
  started_utc    text NOT NULL COLLATE "C",
  status         text NOT NULL,
  cpt            text,
  points         integer NOT NULL,
  training       integer NOT NULL,
  content_sha256 text NOT NULL,
  record         bytea NOT NULL,
  imported_at    text NOT NULL,
  record_sha256  text NOT NULL,
  -- what SQLite calls rowid: the number a damaged session is found by
  rowid          bigint GENERATED ALWAYS AS IDENTITY UNIQUE
);
CREATE INDEX sessions_by_start ON sessions (started_utc, id);
CREATE INDEX sessions_by_patient ON sessions (patient_id, started_utc);
CREATE INDEX sessions_by_clinician ON sessions (clinician_id, started_utc);
CREATE INDEX sessions_by_status ON sessions (status, started_utc);
