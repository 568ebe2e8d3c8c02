-- Pseudonyms for research exports (tdn export --pseudonymise): one random pseudonym per patient
-- and per clinician, made the first time an export needs it and kept, so every later export
-- names the same person the same way (45 CFR 164.514(c): a re-identification code that is not
-- derived from the identifier). This table is the only key back from a pseudonym to a person:
-- it stays in the clinic store, never in an export.
CREATE TABLE pseudonyms (
  kind        TEXT NOT NULL,   -- 'patient' or 'clinician'
  identifier  TEXT NOT NULL,   -- the id as the records hold it
  pseudonym   TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (kind, identifier)
);
-- where a tdn from before versioned migrations looks, as each version before has it
PRAGMA user_version = 6;
