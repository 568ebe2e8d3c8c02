-- The first store: one row per imported session, its record kept as text exactly as it arrived.
CREATE TABLE sessions (
  id           TEXT PRIMARY KEY,
  patient_id   TEXT NOT NULL,
  clinician_id TEXT NOT NULL,
  started_at   TEXT NOT NULL,
  started_utc  TEXT NOT NULL,
  status       TEXT NOT NULL,
  cpt          TEXT,
  points       INTEGER NOT NULL,
  training     INTEGER NOT NULL,
  content_sha256 TEXT NOT NULL,
  record       TEXT NOT NULL,
  imported_at  TEXT NOT NULL
);
CREATE INDEX sessions_by_start ON sessions (started_utc);
CREATE INDEX sessions_by_patient ON sessions (patient_id, started_utc);
CREATE INDEX sessions_by_clinician ON sessions (clinician_id, started_utc);
CREATE INDEX sessions_by_status ON sessions (status, started_utc);
