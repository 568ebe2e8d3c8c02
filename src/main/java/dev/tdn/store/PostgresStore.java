package dev.tdn.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.postgresql.ds.PGSimpleDataSource;

import dev.tdn.Places;

/**
 * The clinic store on a shared PostgreSQL server: the same table and SQL as the SQLite store
 * ({@link JdbcStore}), the record kept as bytea. Writers take one transaction-scoped advisory
 * lock, as SQLite's BEGIN IMMEDIATE takes the file's: two rooms' batches never interleave, so
 * they cannot deadlock, and a conflict is judged on committed rows, as on SQLite.
 *
 * <p>Credentials come the ways PostgreSQL's own tools take them, never from tdn's command line:
 * {@code ~/.pgpass} or {@code PGPASSFILE} and a service file ({@code ?service=NAME},
 * {@code PGSERVICEFILE}), read by the driver; {@code PGUSER}, {@code PGPASSWORD} and the TLS
 * variables, read here. A URL parameter wins over a variable, as in libpq.
 */
final class PostgresStore extends JdbcStore {

    /** The advisory lock all tdn writers share ("tdn" in ASCII): any number that nothing else uses. */
    private static final long WRITERS = 0x74646EL;

    /** The advisory lock audit appenders share ("tda"): reads append without waiting for a writer. */
    private static final long AUDIT_TAIL = 0x746461L;

    /** Seconds to wait for a server that does not answer: a room must not hang at a session's end. */
    static final int CONNECT_TIMEOUT_S = 3;

    /** The libpq variables read here, and the driver property each sets when the URL does not. */
    private static final Map<String, String> VARIABLES = Map.of(
            "PGUSER", "user",
            "PGPASSWORD", "password",
            "PGSSLMODE", "sslmode",
            "PGSSLROOTCERT", "sslrootcert",
            "PGSSLCERT", "sslcert",
            "PGSSLKEY", "sslkey",
            "PGCONNECT_TIMEOUT", "connectTimeout",
            "PGAPPNAME", "ApplicationName");

    private PostgresStore(Connection db) {
        super(db);
    }

    static PostgresStore open(StoreAddress.PostgresServer address, boolean writes) throws StoreException {
        PGSimpleDataSource source;
        try {
            source = dataSource(address, System.getenv());
        } catch (IllegalArgumentException e) {
            // the driver's reason would repeat the URL
            throw new StoreException("the PostgreSQL store URL is not one the driver can read", null);
        }
        Connection db = null;
        try {
            db = source.getConnection();
            db.setAutoCommit(true);
            StoreSchema.State state = StoreSchema.state(db, StoreSchema.Kind.POSTGRESQL);
            int found = state == StoreSchema.State.CURRENT ? StoreSchema.LATEST
                    : StoreSchema.version(db, StoreSchema.Kind.POSTGRESQL);
            switch (state) {
                case CURRENT:
                    break;
                case NEWER:
                    throw new SQLException("the store was made by a newer tdn (schema version "
                            + StoreSchema.version(db, StoreSchema.Kind.POSTGRESQL) + ")");
                case EMPTY:
                    if (!writes) {
                        closeQuietly(db);
                        throw new NoStore("no clinic store in " + address.shown()
                                + " yet (tdn store migrate, an import or a session creates its tables)");
                    }
                    StoreSchema.migrate(source, db, StoreSchema.Kind.POSTGRESQL);
                    break;
                default:
                    if (!writes) {
                        throw new SQLException("the store is at schema version "
                                + StoreSchema.version(db, StoreSchema.Kind.POSTGRESQL) + ", older than this tdn's "
                                + StoreSchema.LATEST + "; a command that only reads never changes it: tdn store migrate"
                                + " (or an import) brings it up to date");
                    }
                    StoreSchema.migrate(source, db, StoreSchema.Kind.POSTGRESQL);
            }
            return (PostgresStore) new PostgresStore(db).foundAt(found);
        } catch (SQLException e) {
            closeQuietly(db);
            throw new StoreException("cannot open the store " + address.shown() + " (" + explained(e, source) + ")", e);
        }
    }

    /**
     * The driver's settings: the URL as given, and what the environment adds where it is silent.
     * Server error details are left out of messages: PostgreSQL's DETAIL quotes the row's values.
     */
    static PGSimpleDataSource dataSource(StoreAddress.PostgresServer address, Map<String, String> env) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(address.url());
        setIfUnset(source, "ApplicationName", "tdn");
        setIfUnset(source, "connectTimeout", String.valueOf(CONNECT_TIMEOUT_S));
        setIfUnset(source, "loginTimeout", String.valueOf(CONNECT_TIMEOUT_S + 2));
        set(source, "logServerErrorDetail", "false");
        set(source, "tcpKeepAlive", "true");
        VARIABLES.forEach((variable, property) -> {
            String value = env.get(variable);
            if (value != null && !value.isEmpty()) {
                setIfUnset(source, property, value);
            }
        });
        if (source.getUser() == null || source.getUser().isEmpty()) {
            // libpq's default: the operating-system user
            set(source, "user", System.getProperty("user.name"));
        }
        inHome(source, Places.home(env, Path.of(System.getProperty("user.home"))), env);
        return source;
    }

    /**
     * libpq's files in the home tdn uses. The driver looks in Java's user.home, the passwd
     * entry's, so {@code HOME=/srv/room-2 tdn ...} would read config.json from one home and
     * ~/.pgpass and ~/.postgresql/root.crt from another; libpq and psql follow $HOME, and so
     * does tdn. Only where the URL, the variables and the JVM's own settings are all silent.
     */
    private static void inHome(PGSimpleDataSource source, Path home, Map<String, String> env) {
        fileIfUnset("org.postgresql.pgpassfile", "PGPASSFILE", home.resolve(".pgpass"), env);
        fileIfUnset("org.postgresql.pgservicefile", "PGSERVICEFILE", home.resolve(".pg_service.conf"), env);
        Path libpq = home.resolve(".postgresql");
        setIfUnset(source, "sslrootcert", libpq.resolve("root.crt").toString());
        if (Files.exists(libpq.resolve("postgresql.crt"))) {
            setIfUnset(source, "sslcert", libpq.resolve("postgresql.crt").toString());
        }
        if (Files.exists(libpq.resolve("postgresql.pk8"))) {
            setIfUnset(source, "sslkey", libpq.resolve("postgresql.pk8").toString());
        }
    }

    /** The driver reads these files' names from a system property, then the variable: one process, one home. */
    private static void fileIfUnset(String property, String variable, Path file, Map<String, String> env) {
        String given = env.get(variable);
        if (System.getProperty(property) == null && (given == null || given.isBlank())) {
            System.setProperty(property, file.toString());
        }
    }

    private static void set(PGSimpleDataSource source, String property, String value) {
        try {
            source.setProperty(property, value);
        } catch (SQLException e) {
            // a property this driver does not know: nothing to set
        }
    }

    private static void setIfUnset(PGSimpleDataSource source, String property, String value) {
        try {
            String now = source.getProperty(property);
            if (now == null || now.isEmpty()) {
                source.setProperty(property, value);
            }
        } catch (SQLException e) {
            // a property this driver does not know: nothing to set
        }
    }

    /**
     * What went wrong, in words that name no password and no value: the SQL state says what kind
     * of failure it was, and only the server's main message (never its DETAIL) is kept.
     */
    static String explained(SQLException e, PGSimpleDataSource source) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("08004") && String.valueOf(e.getMessage()).contains("password")) {
            return "the server asks " + source.getUser() + " for a password and none was found: put it in"
                    + " ~/.pgpass or the file PGPASSFILE names (mode 0600)";
        }
        if (state.startsWith("08")) {
            return "the server did not answer or refused the connection; tdn waited at most "
                    + CONNECT_TIMEOUT_S + " s";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "the server refused the login as " + source.getUser()
                    + "; the password comes from ~/.pgpass or the file PGPASSFILE names (mode 0600)";
        }
        if (state.equals("3D000")) {
            return "the server has no such database";
        }
        return e.getMessage();
    }

    @Override
    protected String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return "the connection to the server was lost";
        }
        return e.getMessage();
    }

    @Override
    protected void beginWrite() throws SQLException {
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + WRITERS + ")");
        } catch (SQLException e) {
            db.rollback();
            db.setAutoCommit(true);
            throw e;
        }
    }

    @Override
    protected void commitWrite() throws SQLException {
        db.commit();
        db.setAutoCommit(true);
    }

    @Override
    protected void rollBackWrite() throws SQLException {
        try {
            db.rollback();
        } finally {
            db.setAutoCommit(true);
        }
    }

    @Override
    protected void beginAuditWrite() throws SQLException {
        db.setAutoCommit(false);
    }

    @Override
    protected void lockAuditTail() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + AUDIT_TAIL + ")");
        }
    }

    /**
     * A writer's rows get their numbers when inserted and are seen only at its commit, so a
     * maximum read beside a writer could pass over rows it is about to commit. Holding the
     * writers' lock shared for the moment of the read waits out the one writer there can be.
     */
    @Override
    protected long readBound() throws SQLException {
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock_shared(" + WRITERS + ")");
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(rowid), 0) FROM sessions")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } finally {
            try {
                db.commit();
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    @Override
    protected String recordParameter() {
        return "?";
    }

    /**
     * Checked by the server, through a function that runs with its owner's rights: a room's role
     * may then import without any right to read a stored record (examples/postgres).
     */
    @Override
    protected String intactColumns() {
        return "tdn_stored_intact(id)";
    }

    @Override
    protected boolean storedIntact(ResultSet rs, int column) throws SQLException {
        return rs.getBoolean(column);
    }

    @Override
    protected byte[] recordBytes(ResultSet rs, int column) throws SQLException {
        return rs.getBytes(column);
    }

    @Override
    protected String rowColumn() {
        return "rowid";
    }

    @Override
    protected String bytesChanged() {
        return "encode(sha256(record), 'hex') IS DISTINCT FROM record_sha256";
    }
}
