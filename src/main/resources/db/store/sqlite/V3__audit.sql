-- The audit trail: one entry per read or write of patient data, chained by hash (see AuditTrail).
-- Append-only: the triggers refuse every change and every removal, whoever asks.
CREATE TABLE audit (
  seq             INTEGER PRIMARY KEY,
  at_utc          TEXT NOT NULL,
  os_user         TEXT NOT NULL,
  clinician_id    TEXT,
  command         TEXT NOT NULL,
  details         TEXT NOT NULL,
  previous_sha256 TEXT NOT NULL,
  sha256          TEXT NOT NULL
);
CREATE INDEX audit_by_time ON audit (at_utc);
CREATE INDEX audit_by_clinician ON audit (clinician_id, at_utc);

CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only: entries are never changed');
END;

CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only: entries are never removed');
END;

-- where a tdn from before versioned migrations looks
PRAGMA user_version = 3;
