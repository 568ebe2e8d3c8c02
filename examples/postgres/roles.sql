-- The clinic store's roles, run once by the database server's administrator (a superuser, or a
-- role with CREATEROLE that owns the database), connected to the clinic's database:
--
--   psql -v ON_ERROR_STOP=1 -d tdn -f roles.sql
--
-- tdn_owner   owns the tables and brings the schema up to date (tdn store migrate); nobody else can
-- tdn_room    a treatment room: adds sessions and audit entries, and reads no stored record
-- tdn_report  the front desk or the clinic's reports: reads sessions and the audit trail, and
--             appends the audit entries its own reading leaves; adds and changes nothing else
--
-- None of them may change or remove an audit entry: the store's own triggers refuse it, even to
-- the owner. Give each a password afterwards (\password tdn_room in psql, never on a command
-- line) and each machine a ~/.pgpass line (see README.md). Safe to run again.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tdn_owner') THEN
    CREATE ROLE tdn_owner LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tdn_room') THEN
    CREATE ROLE tdn_room LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tdn_report') THEN
    CREATE ROLE tdn_report LOGIN;
  END IF;
END
$$;

-- the store lives in its own schema, which only the owner can create objects in
CREATE SCHEMA IF NOT EXISTS tdn AUTHORIZATION tdn_owner;
REVOKE ALL ON SCHEMA tdn FROM PUBLIC;
GRANT USAGE ON SCHEMA tdn TO tdn_room, tdn_report;

-- in this database only: who may connect, and where each finds the store's tables
DO $$
BEGIN
  EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO tdn_owner, tdn_room, tdn_report', current_database());
  EXECUTE format('ALTER ROLE tdn_owner IN DATABASE %I SET search_path = tdn', current_database());
  EXECUTE format('ALTER ROLE tdn_room IN DATABASE %I SET search_path = tdn', current_database());
  EXECUTE format('ALTER ROLE tdn_report IN DATABASE %I SET search_path = tdn', current_database());
END
$$;
