#!/usr/bin/env python3
"""The essential work of `tdn import`, as a short Python script would do it: the baseline tdn's
import is measured against (issue 16). For each record: parse the JSON, validate it against the
published session-record schema with jsonschema-rs, hash it (SHA-256 of a compact serialisation,
as tdn's content hash, and of the bytes as stored), and insert it into SQLite with tdn's table and
indexes, WAL, synchronous=FULL and a commit every 2,000 records (tdn's batch). It makes none of
tdn's checks beyond the schema (dates, ids, windows, training records), keeps no audit trail and
writes no file modes: what it does, tdn does too, so tdn is slower only where its own work costs.

Usage: baseline.py SCHEMA STORE INPUT... (an INPUT is an NDJSON file or a folder of .json files)
Prints "N imported, M rejected".
"""
import hashlib
import json
import os
import sqlite3
import sys
from datetime import datetime, timezone

import jsonschema_rs

BATCH = 2000

TABLE = """
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, patient_id TEXT NOT NULL, clinician_id TEXT NOT NULL,
  started_at TEXT NOT NULL, started_utc TEXT NOT NULL, status TEXT NOT NULL, cpt TEXT,
  points INTEGER NOT NULL, training INTEGER NOT NULL, content_sha256 TEXT NOT NULL,
  record TEXT NOT NULL, imported_at TEXT NOT NULL, record_sha256 TEXT);
CREATE INDEX IF NOT EXISTS sessions_by_start ON sessions (started_utc);
CREATE INDEX IF NOT EXISTS sessions_by_patient ON sessions (patient_id, started_utc);
CREATE INDEX IF NOT EXISTS sessions_by_clinician ON sessions (clinician_id, started_utc);
CREATE INDEX IF NOT EXISTS sessions_by_status ON sessions (status, started_utc);
"""


def documents(inputs):
    for source in inputs:
        if os.path.isdir(source):
            for name in sorted(os.listdir(source)):
                if name.endswith(".json"):
                    with open(os.path.join(source, name), "rb") as f:
                        yield f.read()
        else:
            with open(source, "rb") as f:
                for line in f:
                    if line.strip():
                        yield line.rstrip(b"\r\n")


def main():
    schema_path, store, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(schema_path, "rb") as f:
        validator = jsonschema_rs.validator_for(json.load(f))
    db = sqlite3.connect(store, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.executescript(TABLE)
    imported_at = datetime.now(timezone.utc).isoformat()
    imported = rejected = in_batch = 0
    db.execute("BEGIN IMMEDIATE")
    for raw in documents(inputs):
        try:
            record = json.loads(raw)
        except ValueError:
            rejected += 1
            continue
        if not validator.is_valid(record):
            rejected += 1
            continue
        compact = json.dumps(record, separators=(",", ":"), ensure_ascii=False).encode()
        started = datetime.fromisoformat(record["startedAt"])
        cur = db.execute(
            "INSERT OR IGNORE INTO sessions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (record["id"], record["patient"]["id"], record["clinician"]["id"], record["startedAt"],
             started.astimezone(timezone.utc).isoformat(), record["status"],
             (record.get("billing") or {}).get("cpt"), len(record.get("points", [])),
             1 if record.get("training") else 0, hashlib.sha256(compact).hexdigest(),
             raw.decode(), imported_at, hashlib.sha256(raw).hexdigest()))
        imported += cur.rowcount
        in_batch += 1
        if in_batch >= BATCH:
            db.execute("COMMIT")
            db.execute("BEGIN IMMEDIATE")
            in_batch = 0
    db.execute("COMMIT")
    db.close()
    print(f"{imported} imported, {rejected} rejected")


if __name__ == "__main__":
    main()
