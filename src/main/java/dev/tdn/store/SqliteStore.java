package dev.tdn.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.sqlite.JDBC;

import dev.tdn.PrivateFiles;
import dev.tdn.json.DateTimeText;
import dev.tdn.record.RecordJson;
import dev.tdn.record.SessionRecord;
import tools.jackson.core.JacksonException;

/**
 * The embedded store: one SQLite file, 0600 in a 0700 folder. WAL with synchronous=FULL so a
 * committed import survives a power loss; writes take the lock up front (BEGIN IMMEDIATE) and
 * wait for it (busy timeout), so several imports at once queue instead of failing with
 * "database is locked".
 */
public final class SqliteStore implements SessionStore {

    /** Each entry migrates the schema from version i to i+1; the file's user_version says where it is. */
    private static final List<Migration> MIGRATIONS = List.of(
        db -> sql(db,
            """
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
            )""",
            "CREATE INDEX sessions_by_start ON sessions (started_utc)",
            "CREATE INDEX sessions_by_patient ON sessions (patient_id, started_utc)",
            "CREATE INDEX sessions_by_clinician ON sessions (clinician_id, started_utc)",
            "CREATE INDEX sessions_by_status ON sessions (status, started_utc)"),
        SqliteStore::fixedWidthStartKeysAndBytesHashes);

    /** One step of the store's schema, run inside the migration's write transaction. */
    @FunctionalInterface
    private interface Migration {
        void apply(Connection db) throws SQLException;
    }

    /**
     * started_utc, the key sessions are ordered and filtered by: UTC with all nine fraction
     * digits, so comparing the text compares the times.
     */
    private static final DateTimeFormatter START_KEY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    static String startKey(Instant t) {
        return START_KEY.format(t);
    }

    private static void sql(Connection db, String... statements) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /**
     * Version 2. Version 1 kept Instant.toString() keys, whose length varies ("...:11Z",
     * "...:11.204Z"), so text order was not time order within a second: every key is rewritten
     * in the fixed form, and started_at in the form records use. It also adds the hash of the
     * stored bytes that reading checks, and orders the start index by id within a time.
     */
    private static void fixedWidthStartKeysAndBytesHashes(Connection db) throws SQLException {
        sql(db, "ALTER TABLE sessions ADD COLUMN record_sha256 TEXT",
                // both orders exactly (export oldest first, list newest first by a backward scan), so
                // LIMIT stops after N entries even when many sessions share a start time
                "DROP INDEX sessions_by_start",
                "CREATE INDEX sessions_by_start ON sessions (started_utc, id)");
        try (Statement read = db.createStatement();
                ResultSet rs = read.executeQuery("SELECT id, started_at, record FROM sessions");
                PreparedStatement write = db.prepareStatement(
                        "UPDATE sessions SET started_at = ?, started_utc = ?, record_sha256 = ? WHERE id = ?")) {
            while (rs.next()) {
                OffsetDateTime started;
                try {
                    // version 1 wrote OffsetDateTime.toString(), which leaves out zero seconds
                    started = OffsetDateTime.parse(rs.getString(2));
                } catch (RuntimeException e) {
                    // the id is a UUID, never patient data
                    throw new SQLException("session " + rs.getString(1) + " has an unreadable start time", e);
                }
                write.setString(1, DateTimeText.format(started));
                write.setString(2, startKey(started.toInstant()));
                write.setString(3, StoreEntry.sha256(rs.getString(3).getBytes(StandardCharsets.UTF_8)));
                write.setString(4, rs.getString(1));
                write.executeUpdate();
            }
        }
    }

    private static final int BUSY_TIMEOUT_MS = 120_000;

    private final Connection db;

    private SqliteStore(Connection db) {
        this.db = db;
    }

    /**
     * Loads SQLite's native library and makes the date format every sqlite-jdbc connection
     * builds (the JDK's locale tables, tens of milliseconds) on a daemon thread, so a quick
     * command's connection finds them ready while picocli is still parsing. It touches no file;
     * a failure here shows again, properly, when the store is opened.
     */
    public static void prepareInBackground() {
        Thread t = new Thread(new Prepare(), "tdn-sqlite-prepare");
        t.setDaemon(true);
        t.start();
    }

    /** A class rather than a lambda: linking a lambda the start-up archive has not seen costs more than this saves. */
    private static final class Prepare implements Runnable {
        @Override
        public void run() {
            try {
                org.sqlite.SQLiteJDBCLoader.initialize();
                org.sqlite.date.FastDateFormat.getInstance(org.sqlite.SQLiteConfig.DEFAULT_DATE_STRING_FORMAT);
            } catch (Exception | LinkageError e) {
                // opening the store reports it
            }
        }
    }

    /** {@code jdbc:sqlite:PATH}; the file and its folders are created private if missing. */
    public static SqliteStore open(String url) throws StoreException {
        Path file = file(url);
        try {
            Path dir = file.toAbsolutePath().getParent();
            PrivateFiles.directories(dir);
            if (!Files.exists(file)) {
                try {
                    PrivateFiles.create(file).close();
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another import created it first
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot create " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
        return connect(file);
    }

    /**
     * For commands that only read: a store that is not there is {@link NoStore}, not a new
     * empty one, so a mistyped --store in a nightly export fails instead of exporting nothing.
     */
    public static SqliteStore openExisting(String url) throws StoreException {
        Path file = file(url);
        if (!Files.isRegularFile(file)) {
            throw new NoStore("no clinic store at " + file + " (tdn import or a session creates it)");
        }
        return connect(file);
    }

    private static Path file(String url) throws StoreException {
        if (!url.startsWith("jdbc:sqlite:")) {
            throw new StoreException("only jdbc:sqlite:PATH stores are supported", null);
        }
        return Path.of(url.substring("jdbc:sqlite:".length()));
    }

    private static SqliteStore connect(Path file) throws StoreException {
        Connection db = null;
        try {
            // sqlite-jdbc's driver directly: DriverManager would first scan the class path for every
            // java.sql.Driver (a ServiceLoader pass) on each start
            db = JDBC.createConnection("jdbc:sqlite:" + file, new Properties());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
            }
            db.setAutoCommit(true);
            SqliteStore store = new SqliteStore(db);
            store.migrate();
            return store;
        } catch (SQLException e) {
            closeQuietly(db);
            throw new StoreException("cannot open the store " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                // already failing with the reason that matters
            }
        }
    }

    private void migrate() throws SQLException {
        try (Statement s = db.createStatement()) {
            // a current store needs no write lock: tdn list must not wait behind an import
            if (userVersion(s) == MIGRATIONS.size()) {
                return;
            }
            s.execute("BEGIN IMMEDIATE");
            try {
                // read again under the lock: another process may have migrated meanwhile
                int version = userVersion(s);
                if (version > MIGRATIONS.size()) {
                    throw new SQLException("the store was made by a newer tdn (schema version " + version + ")");
                }
                for (int v = version; v < MIGRATIONS.size(); v++) {
                    MIGRATIONS.get(v).apply(db);
                }
                if (version < MIGRATIONS.size()) {
                    s.execute("PRAGMA user_version = " + MIGRATIONS.size());
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    private static int userVersion(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    @Override
    public Batch batch(Overwrite overwrite) throws StoreException {
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw new StoreException("cannot start writing to the store (" + e.getMessage() + ")", e);
        }
        try {
            return new SqliteBatch(overwrite);
        } catch (SQLException e) {
            rollBack();
            throw new StoreException("cannot write to the store (" + e.getMessage() + ")", e);
        }
    }

    private void rollBack() throws StoreException {
        try (Statement s = db.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            throw new StoreException("cannot roll back (" + e.getMessage() + ")", e);
        }
    }

    private final class SqliteBatch implements Batch {
        private static final String COLUMNS = "id, patient_id, clinician_id, started_at, started_utc, status, cpt,"
                + " points, training, content_sha256, record, imported_at, record_sha256";
        // the record's bytes go in as they arrived and become text inside SQLite, unchanged
        private static final String VALUES = "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?)";

        private final Overwrite overwrite;
        private final String importedAt = Instant.now().toString();
        // prepared once per transaction: a batch puts hundreds of records
        private final PreparedStatement add;
        private final PreparedStatement find;
        private PreparedStatement replace;
        private boolean open = true;

        SqliteBatch(Overwrite overwrite) throws SQLException {
            this.overwrite = overwrite;
            // most records are new: insert first, and look at what is there only when the id is taken
            this.add = overwrite.adds() ? db.prepareStatement("INSERT INTO sessions (" + COLUMNS + ") " + VALUES
                    + " ON CONFLICT (id) DO NOTHING") : null;
            this.find = db.prepareStatement(
                    "SELECT content_sha256, record, record_sha256, rowid, started_at FROM sessions WHERE id = ?");
        }

        @Override
        public Placement put(StoreEntry entry) throws StoreException {
            try {
                if (add != null && write(add, entry) == 1) {
                    return Placement.IMPORTED;
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
                    damaged = !bytesIntact(rs.getString(2), rs.getString(3));
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
                throw new StoreException("cannot write to the store (" + e.getMessage() + ")", e);
            }
        }

        private void replace(StoreEntry entry) throws SQLException {
            if (replace == null) {
                replace = db.prepareStatement("INSERT OR REPLACE INTO sessions (" + COLUMNS + ") " + VALUES);
            }
            write(replace, entry);
        }

        private int write(PreparedStatement w, StoreEntry entry) throws SQLException {
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
            return w.executeUpdate();
        }

        @Override
        public void commit() throws StoreException {
            try (Statement s = db.createStatement()) {
                s.execute("COMMIT");
                open = false;
            } catch (SQLException e) {
                throw new StoreException("cannot commit to the store (" + e.getMessage() + ")", e);
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
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the store (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public List<DamagedSession> eachRecord(SessionQuery q, RecordReader reader) throws StoreException, IOException {
        Where where = Where.of(q);
        String sql = "SELECT id, record, record_sha256, rowid, started_at FROM sessions" + where.sql()
                + " ORDER BY started_utc, id" + (q.limit() > 0 ? " LIMIT " + q.limit() : "");
        List<DamagedSession> damaged = new ArrayList<>();
        try (PreparedStatement p = where.prepare(db, sql)) {
            // one read transaction: a record imported meanwhile is either wholly in the export or not
            db.setAutoCommit(false);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    SessionRecord record = intact(rs.getString(2), rs.getString(3));
                    if (record == null) {
                        damaged.add(damaged(rs));
                    } else {
                        reader.read(record);
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
            throw new StoreException("cannot read the store (" + e.getMessage() + ")", e);
        }
        return damaged;
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

    /** The damaged session on the result set's row (id, record, record_sha256, rowid, started_at). */
    private static DamagedSession damaged(ResultSet rs) throws SQLException {
        // the id was checked on import (a UUID), never patient data; nothing of the record is kept
        String id = rs.getString(1);
        return new DamagedSession(id, rs.getLong(4), DamagedSession.recordFile(id, rs.getString(5)));
    }

    /**
     * The stored record if its bytes are still those imported, else null: the store is a file
     * anyone with access can edit or damage, and an export must not pass on a record that changed.
     */
    private static SessionRecord intact(String json, String bytesHash) {
        if (!bytesIntact(json, bytesHash)) {
            return null;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try {
            return RecordJson.mapper().readValue(bytes, SessionRecord.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean bytesIntact(String json, String bytesHash) {
        return json != null && bytesHash != null
                && StoreEntry.sha256(json.getBytes(StandardCharsets.UTF_8)).equals(bytesHash);
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
            throw new StoreException("cannot read the store (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public Optional<byte[]> recordBytes(String id) throws StoreException {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT id, record, record_sha256, rowid, started_at FROM sessions WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (intact(rs.getString(2), rs.getString(3)) == null) {
                    throw new DamagedInStore(List.of(damaged(rs)));
                }
                return Optional.of(rs.getString(2).getBytes(StandardCharsets.UTF_8));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() throws StoreException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store (" + e.getMessage() + ")", e);
        }
    }
}
