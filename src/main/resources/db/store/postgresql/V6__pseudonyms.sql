-- Pseudonyms for research exports (tdn export --pseudonymise): one random pseudonym per patient
-- and per clinician, made the first time an export needs it and kept, so every later export
-- names the same person the same way (45 CFR 164.514(c): a re-identification code that is not
-- derived from the identifier). This table is the only key back from a pseudonym to a person:
-- it stays in the clinic store, never in an export. Exporting roles insert and read it:
-- examples/postgres/grants.sql.
CREATE TABLE pseudonyms (
  kind        text COLLATE "C" NOT NULL,   -- 'patient' or 'clinician'
  identifier  text COLLATE "C" NOT NULL,   -- the id as the records hold it
  pseudonym   text COLLATE "C" NOT NULL UNIQUE,
  created_at  text NOT NULL,
  PRIMARY KEY (kind, identifier)
);
