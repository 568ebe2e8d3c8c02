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
import java.time.OffsetDateTime;
import java.util.Properties;

import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import dev.tdn.PrivateFiles;
import dev.tdn.json.DateTimeText;

/**
 * The embedded store: one SQLite file, 0600 in a 0700 folder. WAL with synchronous=FULL so a
 * committed import survives a power loss; writes take the lock up front (BEGIN IMMEDIATE) and
 * wait for it (busy timeout), so several imports at once queue instead of failing with
 * "database is locked".
 */
final class SqliteStore extends JdbcStore {

    private static final int BUSY_TIMEOUT_MS = 120_000;

    private SqliteStore(Connection db) {
        super(db);
    }

    /**
     * Loads SQLite's native library and makes the date format every sqlite-jdbc connection
     * builds (the JDK's locale tables, tens of milliseconds) on a daemon thread, so a quick
     * command's connection finds them ready while picocli is still parsing. It touches no file;
     * a failure here shows again, properly, when the store is opened.
     */
    static void prepareInBackground() {
        dev.tdn.IdleCore.run("tdn-sqlite-prepare", new Prepare());
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

    /** The file and its folders are created private if missing, and the schema brought up to date. */
    static SqliteStore open(Path file) throws StoreException {
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
        return connect(file, true);
    }

    /**
     * For commands that only read: a store that is not there is {@link NoStore}, not a new
     * empty one, so a mistyped --store in a nightly export fails instead of exporting nothing.
     */
    static SqliteStore openExisting(Path file) throws StoreException {
        if (!Files.isRegularFile(file)) {
            throw new NoStore("no clinic store at " + file + " (tdn import or a session creates it)");
        }
        return connect(file, false);
    }

    private static SqliteStore connect(Path file, boolean writes) throws StoreException {
        Connection db = null;
        try {
            // sqlite-jdbc's driver directly: DriverManager would first scan the class path for every
            // java.sql.Driver (a ServiceLoader pass) on each start
            db = JDBC.createConnection("jdbc:sqlite:" + file, new Properties());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            }
            writeAheadLog(db);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA synchronous = FULL");
            }
            db.setAutoCommit(true);
            StoreSchema.State state = StoreSchema.state(db, StoreSchema.Kind.SQLITE);
            // a new store gets its schema without starting Flyway (NewStoreSchema); whatever stops
            // that is left to Flyway, which says it (and waits for another process) as it always did
            if (state == StoreSchema.State.EMPTY && newSchema(db)) {
                return (SqliteStore) new SqliteStore(db).foundAt(0);
            }
            if (state == StoreSchema.State.EMPTY) {
                // another process may have made it meanwhile
                state = StoreSchema.state(db, StoreSchema.Kind.SQLITE);
            }
            int found = state == StoreSchema.State.CURRENT ? StoreSchema.LATEST
                    : StoreSchema.version(db, StoreSchema.Kind.SQLITE);
            if (state == StoreSchema.State.NEWER) {
                throw new SQLException("the store was made by a newer tdn (schema version "
                        + StoreSchema.version(db, StoreSchema.Kind.SQLITE) + ")");
            }
            if (state != StoreSchema.State.CURRENT) {
                if (!writes && state == StoreSchema.State.BEHIND) {
                    throw new SQLException("the store is at schema version " + StoreSchema.version(db, StoreSchema.Kind.SQLITE)
                            + ", older than this tdn's " + StoreSchema.LATEST
                            + "; a command that only reads never changes it: tdn store migrate (or an import) brings it up to date");
                }
                StoreSchema.migrate(dataSource(file), db, StoreSchema.Kind.SQLITE);
            }
            return (SqliteStore) new SqliteStore(db).foundAt(found);
        } catch (SQLException e) {
            closeQuietly(db);
            throw new StoreException("cannot open the store " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static boolean newSchema(Connection db) {
        try {
            return NewStoreSchema.create(db);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Puts the file in WAL mode (it stays so). Turning a new file to WAL needs it alone for an
     * instant and SQLite does not wait for that lock (the busy timeout does not apply): when two
     * rooms' first imports open a new store together, one got SQLITE_BUSY at once. The one that
     * loses tries again until the busy timeout; the mode it asked for is checked, not assumed,
     * since SQLite answers with the old mode when it could not change it.
     */
    private static void writeAheadLog(Connection db) throws SQLException {
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
        for (long pause = 2;; pause = Math.min(pause * 2, 200)) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                if (rs.next() && "wal".equalsIgnoreCase(rs.getString(1))) {
                    return;
                }
            } catch (SQLException e) {
                if ((e.getErrorCode() & 0xff) != SQLITE_BUSY) {
                    throw e;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new SQLException("the store could not be put in WAL mode: another program holds it");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while opening the store", e);
            }
        }
    }

    /** SQLite's type code for a null value. */
    private static final int SQLITE_NULL = 5;

    /** SQLite's primary result code for a lock another connection holds. */
    private static final int SQLITE_BUSY = 5;

    /** Connections for the migration library, set up as the store's own. */
    static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        return source;
    }

    @Override
    protected void beginWrite() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
    }

    @Override
    protected void commitWrite() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("COMMIT");
        }
    }

    @Override
    protected void rollBackWrite() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("ROLLBACK");
        }
    }

    @Override
    protected String recordParameter() {
        // the record's bytes go in as they arrived and become text inside SQLite, unchanged
        return "CAST(? AS TEXT)";
    }

    @Override
    protected byte[] recordBytes(ResultSet rs, int column) throws SQLException {
        // a text's bytes as SQLite keeps them (UTF-8), without decoding them to a string first
        return rs.getBytes(column);
    }

    @Override
    protected String rowColumn() {
        return "rowid";
    }

    private boolean hashing;

    /**
     * SQLite has no SHA-256 of its own: the hash is a function of this connection, so the bytes
     * are hashed inside the query and only a damaged row's come out.
     */
    @Override
    protected String bytesChanged() throws SQLException {
        if (!hashing) {
            org.sqlite.Function.create(db, "tdn_sha256", new Sha256(), 1, org.sqlite.Function.FLAG_DETERMINISTIC);
            hashing = true;
        }
        return "(record_sha256 IS NULL OR tdn_sha256(record) IS NOT record_sha256)";
    }

    /** The lower-case hex SHA-256 of a value's bytes (a text's in UTF-8, as stored); null for null. */
    private static final class Sha256 extends org.sqlite.Function {
        /** One digest for every row, rather than Fingerprint's fresh one: that made a whole-store report 8% slower. */
        private final java.security.MessageDigest digest;

        Sha256() throws SQLException {
            try {
                digest = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new SQLException("SHA-256 is part of every Java", e);
            }
        }

        @Override
        protected void xFunc() throws SQLException {
            if (value_type(0) == SQLITE_NULL) {
                result();
                return;
            }
            byte[] bytes = value_blob(0);
            // SQLite hands an empty value over as no bytes at all
            result(java.util.HexFormat.of().formatHex(digest.digest(bytes == null ? new byte[0] : bytes)));
        }
    }

    /**
     * Version 2. Version 1 kept Instant.toString() keys, whose length varies ("...:11Z",
     * "...:11.204Z"), so text order was not time order within a second: every key is rewritten
     * in the fixed form, and started_at in the form records use. It also adds the hash of the
     * stored bytes that reading checks, and orders the start index by id within a time. It
     * leaves user_version at 2 as well, where a tdn from before versioned migrations looks.
     */
    static final class FixedWidthStartKeys implements ConnectionMigration {

        @Override
        public MigrationVersion getVersion() {
            return MigrationVersion.fromVersion("2");
        }

        @Override
        public String getDescription() {
            return "fixed width start keys and bytes hashes";
        }

        @Override
        public Integer getChecksum() {
            return 2;
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public void migrate(Connection db) throws SQLException {
            try (Statement s = db.createStatement()) {
                s.execute("ALTER TABLE sessions ADD COLUMN record_sha256 TEXT");
                // both orders exactly (export oldest first, list newest first by a backward scan), so
                // LIMIT stops after N entries even when many sessions share a start time
                s.execute("DROP INDEX sessions_by_start");
                s.execute("CREATE INDEX sessions_by_start ON sessions (started_utc, id)");
            }
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
                        throw new StoreSchema.Refused("session " + rs.getString(1) + " has an unreadable start time");
                    }
                    write.setString(1, DateTimeText.format(started));
                    write.setString(2, startKey(started.toInstant()));
                    write.setString(3, dev.tdn.Fingerprint.of(rs.getString(3).getBytes(StandardCharsets.UTF_8)));
                    write.setString(4, rs.getString(1));
                    write.executeUpdate();
                }
            }
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA user_version = 2");
            }
        }
    }
}
