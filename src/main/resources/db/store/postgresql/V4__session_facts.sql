-- What reports count, taken from each record when it is stored so a report is a few SQL
-- aggregates instead of a parse of every record: the same tables as on SQLite. The record stays
-- the truth: these are derived from it in the same transaction, rebuilt when it is replaced or
-- repaired, and a report leaves out every session whose record no longer hashes to what was
-- imported, facts and all. Version 5 fills them in for the sessions already stored.
-- Rooms insert into them and reporting reads them: examples/postgres/grants.sql.
-- 1 when the stored bytes without their whitespace are the record's compact form (as every
-- record tdn writes is): an NDJSON export then writes them without parsing the record
ALTER TABLE sessions ADD COLUMN compact_as_stored integer;
ALTER TABLE sessions ADD COLUMN started_month text;     -- the session's own local year and month
ALTER TABLE sessions ADD COLUMN points_needled integer;  -- points a needle went into
ALTER TABLE sessions ADD COLUMN hands_sanitized integer; -- 1 when the hand-hygiene step was recorded
ALTER TABLE sessions ADD COLUMN pain_before integer;     -- NPRS 0-10; null when not asked
ALTER TABLE sessions ADD COLUMN pain_after integer;

-- each point a needle went into, in the record's order (n: its place there, from 0)
CREATE TABLE needled_points (
  session_id          text COLLATE "C" NOT NULL,
  n                   integer NOT NULL,
  label               text NOT NULL,  -- the muscle as the record names it, trimmed, and ":side"
  dwell_seconds       double precision,
  dwell_min           double precision,
  dwell_max           double precision,
  dwell_extended      integer,
  compression_seconds double precision,
  compression_min     double precision,
  compression_max     double precision,
  needles_inserted    integer NOT NULL,
  needles_removed     integer NOT NULL,
  bleeding            integer,        -- null: the session ended before the question
  bandage             integer,
  PRIMARY KEY (session_id, n)
);

-- each deviation the clinician recorded, in the record's order
CREATE TABLE session_deviations (
  session_id text COLLATE "C" NOT NULL,
  n          integer NOT NULL,
  step       text NOT NULL,
  rule       text NOT NULL,
  PRIMARY KEY (session_id, n)
);

-- each reaction seen, once per session however often it was listed
CREATE TABLE session_adverse_events (
  session_id text COLLATE "C" NOT NULL,
  event      text NOT NULL,
  PRIMARY KEY (session_id, event)
);
