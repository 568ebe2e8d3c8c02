-- What reports count, taken from each record when it is stored so a report is a few SQL
-- aggregates instead of a parse of every record. The record stays the truth: these are derived
-- from it in the same transaction, rebuilt when it is replaced or repaired, and a report leaves
-- out every session whose record no longer hashes to what was imported, facts and all.
-- Version 5 fills them in for the sessions already stored.
-- 1 when the stored bytes without their whitespace are the record's compact form (as every
-- record tdn writes is): an NDJSON export then writes them without parsing the record
ALTER TABLE sessions ADD COLUMN compact_as_stored INTEGER;
ALTER TABLE sessions ADD COLUMN started_month TEXT;     -- the session's own local year and month
ALTER TABLE sessions ADD COLUMN points_needled INTEGER;  -- points a needle went into
ALTER TABLE sessions ADD COLUMN hands_sanitized INTEGER; -- 1 when the hand-hygiene step was recorded
ALTER TABLE sessions ADD COLUMN pain_before INTEGER;     -- NPRS 0-10; null when not asked
ALTER TABLE sessions ADD COLUMN pain_after INTEGER;

-- each point a needle went into, in the record's order (n: its place there, from 0)
CREATE TABLE needled_points (
  session_id          TEXT NOT NULL,
  n                   INTEGER NOT NULL,
  label               TEXT NOT NULL,  -- the muscle as the record names it, trimmed, and ":side"
  dwell_seconds       REAL,
  dwell_min           REAL,
  dwell_max           REAL,
  dwell_extended      INTEGER,
  compression_seconds REAL,
  compression_min     REAL,
  compression_max     REAL,
  needles_inserted    INTEGER NOT NULL,
  needles_removed     INTEGER NOT NULL,
  bleeding            INTEGER,        -- null: the session ended before the question
  bandage             INTEGER,
  PRIMARY KEY (session_id, n)
);

-- each deviation the clinician recorded, in the record's order
CREATE TABLE session_deviations (
  session_id TEXT NOT NULL,
  n          INTEGER NOT NULL,
  step       TEXT NOT NULL,
  rule       TEXT NOT NULL,
  PRIMARY KEY (session_id, n)
);

-- each reaction seen, once per session however often it was listed
CREATE TABLE session_adverse_events (
  session_id TEXT NOT NULL,
  event      TEXT NOT NULL,
  PRIMARY KEY (session_id, event)
);

PRAGMA user_version = 4;
