package dev.tdn.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tdn.json.DateTimeText;
import dev.tdn.json.WhitespaceFree;
import dev.tdn.record.RecordJson;
import dev.tdn.record.SessionRecord;
import tools.jackson.core.JacksonException;

/**
 * What both stores do, in the SQL both accept: one {@code sessions} table, the same columns,
 * keys and comparisons, so a list, a show or an export reads the same on SQLite and PostgreSQL.
 * A subclass says only how its database starts and ends a write, and how it keeps a record's
 * bytes (SQLite as text, PostgreSQL as bytea).
 */
abstract class JdbcStore implements SessionStore {

    /**
     * started_utc, the key sessions are ordered and filtered by: UTC with all nine fraction
     * digits, so comparing the text compares the times (byte order on both stores).
     */
    private static final DateTimeFormatter START_KEY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final String COLUMNS = "id, patient_id, clinician_id, started_at, started_utc, status, cpt,"
            + " points, training, content_sha256, record, imported_at, record_sha256, compact_as_stored, "
            + FactTables.SESSION_COLUMNS;

    /** What a damaged-session check reads; its row number is {@link #rowColumn()}. */
    private final String checked;

    protected final Connection db;

    private final AuditTrail trail;

    /** What every read and write of this store is audited as; null only for a store opened to be created. */
    private AuditAction action;

    protected JdbcStore(Connection db) {
        this.db = db;
        this.checked = "id, record, record_sha256, " + rowColumn() + ", started_at";
        this.trail = new AuditTrail(db);
    }

    /** The schema version the store was at when opened, before any migration. */
    private int foundAt;

    final JdbcStore foundAt(int version) {
        this.foundAt = version;
        return this;
    }

    final int foundAt() {
        return foundAt;
    }

    /** From now on every read and write is audited as {@code action}. */
    final JdbcStore auditedAs(AuditAction action) {
        this.action = action;
        return this;
    }

    private AuditAction action() {
        if (action == null) {
            // a programming error, never a user's: a store is opened for an action before it is read
            throw new IllegalStateException("the store was opened without an audit action");
        }
        return action;
    }

    /** Closes a connection that failed to open as a store. */
    static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                // already failing with the reason that matters
            }
        }
    }

    static String startKey(Instant t) {
        return START_KEY.format(t);
    }

    /** Starts the one write transaction of a batch, waiting for another writer to finish first. */
    protected abstract void beginWrite() throws SQLException;

    protected abstract void commitWrite() throws SQLException;

    protected abstract void rollBackWrite() throws SQLException;

    /** The placeholder the record's bytes are bound to in an INSERT. */
    protected abstract String recordParameter();

    /** The stored record's bytes from column {@code column}, or null. */
    protected abstract byte[] recordBytes(ResultSet rs, int column) throws SQLException;

    /**
     * What an import reads of a session already stored to tell whether its bytes are still those
     * imported: here the bytes and their hash, checked in Java.
     */
    protected String intactColumns() {
        return "record, record_sha256";
    }

    /** Whether the row's bytes are still those imported, from {@link #intactColumns()} at {@code column}. */
    protected boolean storedIntact(ResultSet rs, int column) throws SQLException {
        return bytesIntact(recordBytes(rs, column), rs.getString(column + 1));
    }

    /** A number for each row that the clinic's IT person can find it by (SQLite's rowid). */
    protected abstract String rowColumn();

    /**
     * Starts a transaction that only appends to the audit trail. By default it is a writer's, as
     * SQLite has one lock for the file; a server store need not wait for an import's batch.
     */
    protected void beginAuditWrite() throws SQLException {
        beginWrite();
    }

    /** Keeps two appenders from reading the same last entry, inside a write transaction. */
    protected void lockAuditTail() throws SQLException {
    }

    /**
     * The highest row number a read will include: every row up to it is committed, and no row
     * committed later has a number below it. A read's audit entry names the rows up to it, and
     * the read takes no others, so what was read is what was audited.
     */
    protected long readBound() throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT coalesce(max(" + rowColumn() + "), 0) FROM sessions");
                ResultSet rs = p.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Appends one entry in its own transaction, before anything read is handed out. */
    private void audit(Touched touched) throws StoreException {
        AuditAction by = action();
        try {
            beginAuditWrite();
        } catch (SQLException e) {
            throw new StoreException("cannot write the audit entry, so nothing was read (" + reason(e) + ")", e);
        }
        try {
            lockAuditTail();
            trail.append(by, touched);
            commitWrite();
        } catch (SQLException e) {
            rollBack();
            throw new StoreException("cannot write the audit entry, so nothing was read (" + reason(e) + ")", e);
        }
    }

    /** How a failure is named in a message: the database's reason, never a value it was given. */
    protected String reason(SQLException e) {
        return e.getMessage();
    }

    @Override
    public Batch batch(Overwrite overwrite) throws StoreException {
        try {
            beginWrite();
        } catch (SQLException e) {
            throw new StoreException("cannot start writing to the store (" + reason(e) + ")", e);
        }
        try {
            return new JdbcBatch(overwrite);
        } catch (SQLException e) {
            rollBack();
            throw new StoreException("cannot write to the store (" + reason(e) + ")", e);
        }
    }

    private void rollBack() throws StoreException {
        try {
            rollBackWrite();
        } catch (SQLException e) {
            throw new StoreException("cannot roll back (" + reason(e) + ")", e);
        }
    }

    private final class JdbcBatch implements Batch {
        private final Overwrite overwrite;
        private final String importedAt = Instant.now().toString();
        private final String values = "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + recordParameter() + ", ?, ?, ?"
                + ", ?".repeat(FactTables.SESSION_COLUMN_COUNT) + ")";
        // prepared once per transaction: a batch puts hundreds of records
        private final PreparedStatement add;
        private final PreparedStatement find;
        private PreparedStatement replace;
        private final FactTables facts = new FactTables(db);
        private boolean open = true;
        /** What this transaction wrote, for its audit entry. */
        private final Touched written = new Touched();
        private final AuditAction by;

        JdbcBatch(Overwrite overwrite) throws SQLException {
            this.overwrite = overwrite;
            this.by = action();
            // most records are new: insert first, and look at what is there only when the id is taken
            this.add = overwrite.adds() ? db.prepareStatement("INSERT INTO sessions (" + COLUMNS + ") " + values
                    + " ON CONFLICT (id) DO NOTHING") : null;
            this.find = db.prepareStatement("SELECT content_sha256, " + intactColumns() + " FROM sessions WHERE id = ?");
        }

        @Override
        public Placement put(StoreEntry entry) throws StoreException {
            Placement placed = place(entry);
            if (placed == Placement.IMPORTED || placed == Placement.REPLACED || placed == Placement.REPAIRED) {
                written.add(entry.record().id(), entry.record().patient().id());
            }
            return placed;
        }

        private Placement place(StoreEntry entry) throws StoreException {
            try {
                if (add != null) {
                    SessionFacts f = SessionFacts.of(entry.record());
                    if (write(add, entry, f) == 1) {
                        facts.add(entry.record().id(), f);
                        return Placement.IMPORTED;
                    }
                }
                String id = entry.record().id();
                find.setString(1, id);
                String stored;
                boolean damaged;
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next()) {
                        // only when nothing is added: repair puts back, it does not import
                        return Placement.NOT_STORED;
                    }
                    stored = rs.getString(1);
                    // the bytes' hash alone: bytes still as imported were a valid record then
                    damaged = !storedIntact(rs, 2);
                }
                if (damaged) {
                    if (!overwrite.repairs()) {
                        return Placement.DAMAGED_IN_STORE;
                    }
                    replace(entry);
                    return Placement.REPAIRED;
                }
                if (stored.equals(entry.contentHash())) {
                    return Placement.ALREADY_PRESENT;
                }
                switch (overwrite) {
                    case NOTHING:
                        return Placement.CONFLICT;
                    case DAMAGED:
                        return Placement.LEFT_ALONE;
                    default:
                        replace(entry);
                        return Placement.REPLACED;
                }
            } catch (SQLException e) {
                throw new StoreException("cannot write to the store (" + reason(e) + ")", e);
            }
        }

        private void replace(StoreEntry entry) throws SQLException {
            if (replace == null) {
                // an upsert both databases accept; the row keeps its id and takes every other column
                replace = db.prepareStatement("INSERT INTO sessions (" + COLUMNS + ") " + values
                        + " ON CONFLICT (id) DO UPDATE SET patient_id = excluded.patient_id,"
                        + " clinician_id = excluded.clinician_id, started_at = excluded.started_at,"
                        + " started_utc = excluded.started_utc, status = excluded.status, cpt = excluded.cpt,"
                        + " points = excluded.points, training = excluded.training,"
                        + " content_sha256 = excluded.content_sha256, record = excluded.record,"
                        + " imported_at = excluded.imported_at, record_sha256 = excluded.record_sha256,"
                        + " compact_as_stored = excluded.compact_as_stored, "
                        + FactTables.SESSION_UPDATES);
            }
            SessionFacts f = SessionFacts.of(entry.record());
            write(replace, entry, f);
            facts.replace(entry.record().id(), f);
        }

        private int write(PreparedStatement w, StoreEntry entry, SessionFacts f) throws SQLException {
            SessionRecord record = entry.record();
            w.setString(1, record.id());
            w.setString(2, record.patient().id());
            w.setString(3, record.clinician().id());
            w.setString(4, DateTimeText.format(record.startedAt()));
            w.setString(5, startKey(record.startedAt().toInstant()));
            w.setString(6, record.status().json());
            w.setString(7, record.billing().cpt());
            w.setInt(8, record.points().size());
            w.setInt(9, record.training() ? 1 : 0);
            w.setString(10, entry.contentHash());
            w.setBytes(11, entry.json());
            w.setString(12, importedAt);
            w.setString(13, entry.bytesHash());
            w.setInt(14, entry.compactAsStored() ? 1 : 0);
            FactTables.sessionColumns(w, 15, f);
            return w.executeUpdate();
        }

        @Override
        public void commit() throws StoreException {
            try {
                facts.flush();
                if (written.sessions() > 0) {
                    // in the same transaction: the sessions land with their entry or not at all
                    lockAuditTail();
                    trail.append(by, written);
                }
                commitWrite();
                open = false;
            } catch (SQLException e) {
                throw new StoreException("cannot commit to the store (" + reason(e) + ")", e);
            }
        }

        @Override
        public void close() throws StoreException {
            try {
                if (add != null) {
                    add.close();
                }
                find.close();
                if (replace != null) {
                    replace.close();
                }
                facts.close();
            } catch (SQLException e) {
                // closing a statement only frees memory; the transaction is settled below
            }
            if (open) {
                open = false;
                rollBack();
            }
        }
    }

    @Override
    public List<StoredSession> list(SessionQuery q) throws StoreException {
        Where where = Where.of(q);
        String sql = "SELECT id, started_at, patient_id, clinician_id, status, points, cpt, training FROM sessions"
                + where.sql() + " ORDER BY started_utc DESC, id DESC" + (q.limit() > 0 ? " LIMIT " + q.limit() : "");
        try (PreparedStatement p = where.prepare(db, sql)) {
            List<StoredSession> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredSession(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getString(7), rs.getInt(8) == 1));
                }
            }
            Touched touched = new Touched();
            out.forEach(row -> touched.add(row.id(), row.patientId()));
            audit(touched);
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the store (" + reason(e) + ")", e);
        }
    }

    @Override
    public List<DamagedSession> eachRecord(SessionQuery q, RecordReader reader) throws StoreException, IOException {
        return eachStored(q, (record, bytes) -> reader.read(record));
    }

    @Override
    public List<DamagedSession> eachStored(SessionQuery q, StoredReader reader) throws StoreException, IOException {
        return eachIntact(q, "", (rs, bytes) -> {
            SessionRecord record = parsed(bytes);
            if (record == null) {
                return false;
            }
            reader.read(record, bytes);
            return true;
        });
    }

    @Override
    public List<DamagedSession> eachLine(SessionQuery q, LineReader reader) throws StoreException, IOException {
        return eachIntact(q, ", compact_as_stored", (rs, bytes) -> {
            byte[] line;
            if (rs.getInt(6) == 1) {
                // checked byte for byte when it was imported: the stored bytes are the line but for whitespace
                line = WhitespaceFree.of(bytes);
            } else {
                SessionRecord record = parsed(bytes);
                if (record == null) {
                    return false;
                }
                line = StoreEntry.compact(record);
            }
            reader.read(line);
            return true;
        });
    }

    /** What {@link #eachIntact} does with a row whose bytes still hash as imported: false when they do not read. */
    @FunctionalInterface
    private interface IntactRow {
        boolean take(ResultSet rs, byte[] bytes) throws SQLException, IOException, StoreException;
    }

    /**
     * The matching rows, oldest first, each whose bytes hash as imported handed to {@code row}
     * with {@link #checked}'s columns and then {@code more}; the others come back as damaged.
     */
    private List<DamagedSession> eachIntact(SessionQuery q, String more, IntactRow row) throws StoreException, IOException {
        Where where = Where.of(q);
        String rows = auditedRead(where, " ORDER BY started_utc, id" + (q.limit() > 0 ? " LIMIT " + q.limit() : ""));
        String sql = "SELECT " + checked + more + " FROM sessions" + rows;
        List<DamagedSession> damaged = new ArrayList<>();
        try {
            // one read transaction: a record imported meanwhile is either wholly in the export or not;
            // and, on PostgreSQL, the rows come in pages instead of all at once
            db.setAutoCommit(false);
            try (PreparedStatement p = where.prepare(db, sql)) {
                p.setFetchSize(100);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        byte[] bytes = recordBytes(rs, 2);
                        if (!bytesIntact(bytes, rs.getString(3)) || !row.take(rs, bytes)) {
                            damaged.add(damaged(rs));
                        }
                    }
                }
            } finally {
                // only read: ending the transaction either way keeps nothing; autocommit comes
                // back even if that fails, so the next batch() starts its own transaction
                try {
                    db.rollback();
                } finally {
                    db.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store (" + reason(e) + ")", e);
        }
        return damaged;
    }

    /**
     * Names the sessions a read will take in its audit entry, before the first is handed out,
     * and gives the clause that selects exactly those: the rows {@code where} matches, up to the
     * read bound, then {@code tail} (an order, a limit).
     */
    private String auditedRead(Where where, String tail) throws StoreException {
        long bound;
        try {
            bound = readBound();
        } catch (SQLException e) {
            throw new StoreException("cannot read the store (" + reason(e) + ")", e);
        }
        String rows = where.sql() + " AND " + rowColumn() + " <= " + bound + tail;
        Touched touched = new Touched();
        try (PreparedStatement p = where.prepare(db, "SELECT id, patient_id FROM sessions" + rows)) {
            p.setFetchSize(1000);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    touched.add(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store (" + reason(e) + ")", e);
        }
        audit(touched);
        return rows;
    }

    /**
     * A condition true of a row whose record's bytes no longer hash to record_sha256 (or that has
     * no hash), computed where the bytes are: only the damaged rows leave the database.
     */
    protected abstract String bytesChanged() throws SQLException;

    @Override
    public List<DamagedSession> count(SessionQuery q, List<Count> counts) throws StoreException {
        Where where = Where.of(q);
        // what the counts read, named before anything is counted, as for a read of the records
        String rows = auditedRead(where, "");
        List<DamagedSession> damaged = new ArrayList<>();
        try {
            db.setAutoCommit(false);
            try {
                StringBuilder excluded = new StringBuilder();
                // a session without facts can only be one that was damaged when they were first
                // filled in (version 5) and put back by hand since: counted as damaged, never as empty
                try (PreparedStatement p = where.prepare(db, "SELECT " + checked + " FROM sessions" + rows + " AND ("
                        + bytesChanged() + " OR points_needled IS NULL) ORDER BY started_utc, id");
                        ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        damaged.add(damaged(rs));
                        // the row's number, not its id: a damaged row's id is whatever it was changed to
                        excluded.append(excluded.isEmpty() ? "" : ", ").append(rs.getLong(4));
                    }
                }
                String chosen = "WITH chosen AS (SELECT * FROM sessions" + rows
                        + (excluded.isEmpty() ? "" : " AND " + rowColumn() + " NOT IN (" + excluded + ")") + ") ";
                for (Count count : counts) {
                    try (PreparedStatement p = where.prepare(db, chosen + count.sql())) {
                        p.setFetchSize(1000);
                        try (ResultSet rs = p.executeQuery()) {
                            while (rs.next()) {
                                count.rows().row(rs);
                            }
                        }
                    }
                }
            } finally {
                try {
                    db.rollback();
                } finally {
                    db.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store (" + reason(e) + ")", e);
        }
        return damaged;
    }

    @Override
    public Pseudonyms pseudonyms(SessionQuery q) throws StoreException {
        Where where = Where.of(q);
        try {
            beginWrite();
        } catch (SQLException e) {
            throw new StoreException("cannot start writing to the store (" + reason(e) + ")", e);
        }
        try {
            Map<String, String> patients = pseudonyms(where, Pseudonyms.Kind.PATIENT, "patient_id");
            Map<String, String> clinicians = pseudonyms(where, Pseudonyms.Kind.CLINICIAN, "clinician_id");
            commitWrite();
            return new Pseudonyms(patients, clinicians);
        } catch (SQLException e) {
            rollBack();
            throw new StoreException("cannot keep the pseudonyms in the store (" + reason(e) + ")", e);
        }
    }

    /** The kind's pseudonyms for the ids in {@code column} of the matching sessions, made where missing. */
    private Map<String, String> pseudonyms(Where where, Pseudonyms.Kind kind, String column) throws SQLException {
        String known = "SELECT s.id, p.pseudonym FROM (SELECT DISTINCT " + column + " AS id FROM sessions" + where.sql()
                + ") s LEFT JOIN pseudonyms p ON p.kind = '" + kind.column() + "' AND p.identifier = s.id";
        Map<String, String> found = new HashMap<>();
        for (int attempt = 0; ; attempt++) {
            List<String> missing = new ArrayList<>();
            try (PreparedStatement p = where.prepare(db, known); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) == null) {
                        missing.add(rs.getString(1));
                    } else {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            if (missing.isEmpty()) {
                return found;
            }
            if (attempt == 3) {
                // four draws of 60 random bits that all clash cannot be chance
                throw new SQLException("could not draw unused pseudonyms");
            }
            // a pseudonym drawn twice is skipped by the unique index and drawn again on the next turn
            try (PreparedStatement add = db.prepareStatement("INSERT INTO pseudonyms (kind, identifier, pseudonym, created_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                String now = Instant.now().toString();
                for (String id : missing) {
                    add.setString(1, kind.column());
                    add.setString(2, id);
                    add.setString(3, kind.draw());
                    add.setString(4, now);
                    add.addBatch();
                }
                add.executeBatch();
            }
        }
    }

    @Override
    public StoreCheck check() throws StoreException {
        int[] checked = {0};
        List<DamagedSession> damaged;
        try {
            damaged = eachRecord(new SessionQuery(null, null, null, null, null, true, 0), record -> checked[0]++);
        } catch (IOException e) {
            throw new IllegalStateException("counting cannot fail", e);
        }
        return new StoreCheck(checked[0] + damaged.size(), damaged);
    }

    /** The damaged session on the result set's row ({@link #checked}'s columns). */
    private static DamagedSession damaged(ResultSet rs) throws SQLException {
        // the id was checked on import (a UUID), never patient data; nothing of the record is kept
        String id = rs.getString(1);
        return new DamagedSession(id, rs.getLong(4), DamagedSession.recordFile(id, rs.getString(5)));
    }

    /**
     * The stored record if its bytes are still those imported, else null: anyone with access to
     * the store can edit or damage it, and an export must not pass on a record that changed.
     */
    private static SessionRecord intact(byte[] bytes, String bytesHash) {
        return bytesIntact(bytes, bytesHash) ? parsed(bytes) : null;
    }

    /** Bytes that hash as imported, read as a record; null if they no longer read as one. */
    private static SessionRecord parsed(byte[] bytes) {
        try {
            return RecordJson.readStored(bytes);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean bytesIntact(byte[] bytes, String bytesHash) {
        return bytes != null && bytesHash != null && dev.tdn.Fingerprint.of(bytes).equals(bytesHash);
    }

    /** The WHERE clause a query's filters make, with its arguments in order. */
    private record Where(String sql, List<String> args) {

        static Where of(SessionQuery q) {
            StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
            List<String> args = new ArrayList<>();
            if (q.patientId() != null) {
                sql.append(" AND patient_id = ?");
                args.add(q.patientId());
            }
            if (q.clinicianId() != null) {
                sql.append(" AND clinician_id = ?");
                args.add(q.clinicianId());
            }
            if (q.since() != null) {
                sql.append(" AND started_utc >= ?");
                args.add(startKey(q.since()));
            }
            if (q.until() != null) {
                sql.append(" AND started_utc < ?");
                args.add(startKey(q.until()));
            }
            if (q.status() != null) {
                sql.append(" AND status = ?");
                args.add(q.status());
            }
            if (!q.training()) {
                sql.append(" AND training = 0");
            }
            return new Where(sql.toString(), args);
        }

        PreparedStatement prepare(Connection db, String statement) throws SQLException {
            PreparedStatement p = db.prepareStatement(statement);
            for (int i = 0; i < args.size(); i++) {
                p.setString(i + 1, args.get(i));
            }
            return p;
        }
    }

    @Override
    public List<String> idsStartingWith(String prefix, int max) throws StoreException {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT id FROM sessions WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT ?")) {
            p.setInt(1, prefix.length());
            p.setString(2, prefix.toLowerCase(java.util.Locale.ROOT));
            p.setInt(3, max);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the store (" + reason(e) + ")", e);
        }
    }

    @Override
    public Optional<byte[]> recordBytes(String id) throws StoreException {
        Touched touched = new Touched();
        byte[] bytes = null;
        DamagedSession damaged = null;
        try (PreparedStatement p = db.prepareStatement("SELECT " + checked + ", patient_id FROM sessions WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    touched.add(rs.getString(1), rs.getString(6));
                    bytes = recordBytes(rs, 2);
                    if (intact(bytes, rs.getString(3)) == null) {
                        damaged = damaged(rs);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store (" + reason(e) + ")", e);
        }
        // after the read statement is closed: SQLite will not write beside an open one
        audit(touched);
        if (damaged != null) {
            throw new DamagedInStore(List.of(damaged));
        }
        return Optional.ofNullable(bytes);
    }

    @Override
    public List<AuditEntry> audit(AuditQuery query) throws StoreException {
        // the trail names patients: reading it is audited like any other read
        audit(new Touched());
        try {
            return trail.entries(query);
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit trail (" + reason(e) + ")", e);
        }
    }

    @Override
    public AuditCheck verifyAudit() throws StoreException {
        audit(new Touched());
        try {
            return trail.verify();
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit trail (" + reason(e) + ")", e);
        }
    }

    @Override
    public void close() throws StoreException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store (" + reason(e) + ")", e);
        }
    }
}
