-- The audit trail: one entry per read or write of patient data, chained by hash (see AuditTrail).
-- Append-only: the triggers refuse every change, removal and truncation, whoever asks (a role
-- without UPDATE and DELETE on it, as examples/postgres grants, is the first wall; this is the second).
CREATE TABLE audit (
  seq             bigint PRIMARY KEY,
  at_utc          text COLLATE "C" NOT NULL,
  os_user         text NOT NULL,
  clinician_id    text COLLATE "C",
  command         text NOT NULL,
  details         text NOT NULL,
  previous_sha256 text NOT NULL,
  sha256          text NOT NULL
);
CREATE INDEX audit_by_time ON audit (at_utc);
CREATE INDEX audit_by_clinician ON audit (clinician_id, at_utc);

CREATE FUNCTION tdn_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER audit_is_append_only BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION tdn_audit_is_append_only();
CREATE TRIGGER audit_is_not_truncated BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION tdn_audit_is_append_only();

-- Whether a stored session's bytes are still those imported, for an import that finds its id
-- taken. It runs with the owner's rights, so a room's role can import without the right to read
-- any stored record (examples/postgres/grants.sql grants it to rooms alone).
CREATE FUNCTION tdn_stored_intact(session_id text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
  AS $$ SELECT encode(sha256(record), 'hex') = record_sha256 FROM sessions WHERE id = session_id $$;
REVOKE EXECUTE ON FUNCTION tdn_stored_intact(text) FROM PUBLIC;
