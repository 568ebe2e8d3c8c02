package dev.tdn.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.CRC32;


/**
 * A new SQLite store's schema in one transaction, without starting Flyway: the same SQL files
 * and Java migrations, in order, and the history rows Flyway itself writes for them, so that a
 * later tdn's Flyway finds the store exactly as if it had made it. Starting Flyway cost 130 ms
 * (its configuration builds a JSON mapper, it scans the jar for migrations, and its code spins
 * some two hundred method-handle classes the start-up archive cannot keep), most of the first
 * import into a new store, which a clinic's first session or a script's fresh store pays
 * (src/bench/README.md). A store that is not new, and every PostgreSQL store, goes through
 * Flyway as before. {@code NewStoreSchemaTest} holds the two to the same tables, indexes,
 * triggers, history and user_version, and has Flyway validate what this makes.
 *
 * <p>Adding a migration means adding it to {@link #MIGRATIONS} too; that test fails until then.
 */
final class NewStoreSchema {

    /** One migration: a SQL file of {@code db/store/sqlite}, or a Java migration. */
    private record Migration(String sqlFile, ConnectionMigration java) {
    }

    private static final List<Migration> MIGRATIONS = List.of(
            new Migration("V1__sessions.sql", null),
            new Migration(null, new SqliteStore.FixedWidthStartKeys()),
            new Migration("V3__audit.sql", null),
            new Migration("V4__session_facts.sql", null),
            new Migration(null, new FactsBackfill(StoreSchema.Kind.SQLITE)),
            new Migration("V6__pseudonyms.sql", null));

    /** Flyway's history table for SQLite, as Flyway creates it. */
    private static final String HISTORY_TABLE = "CREATE TABLE \"" + StoreSchema.TABLE + "\" (\n"
            + "    \"installed_rank\" INT NOT NULL PRIMARY KEY,\n"
            + "    \"version\" VARCHAR(50),\n"
            + "    \"description\" VARCHAR(200) NOT NULL,\n"
            + "    \"type\" VARCHAR(20) NOT NULL,\n"
            + "    \"script\" VARCHAR(1000) NOT NULL,\n"
            + "    \"checksum\" INT,\n"
            + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
            + "    \"installed_on\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),\n"
            + "    \"execution_time\" INT NOT NULL,\n"
            + "    \"success\" BOOLEAN NOT NULL\n"
            + ")";
    private static final String HISTORY_INDEX = "CREATE INDEX \"" + StoreSchema.TABLE + "_s_idx\" ON \""
            + StoreSchema.TABLE + "\" (\"success\")";

    private NewStoreSchema() {
    }

    /**
     * Makes the schema when the file holds nothing at all once this connection holds the write
     * lock; false, changing nothing, otherwise (another process made or began it: the caller
     * looks again, and Flyway finishes what is half made).
     */
    static boolean create(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        boolean done = false;
        try {
            // nothing at all in the file: a store another process has begun (or an older tdn's
            // Flyway left with its history table and no more) is Flyway's to finish, as before
            if (!nothingThere(db)) {
                return false;
            }
            try (Statement s = db.createStatement()) {
                s.executeUpdate(HISTORY_TABLE);
                s.executeUpdate(HISTORY_INDEX);
            }
            int rank = 0;
            for (Migration m : MIGRATIONS) {
                long started = System.nanoTime();
                if (m.sqlFile() != null) {
                    String sql = script(m.sqlFile());
                    try (Statement s = db.createStatement()) {
                        // the whole file, every statement in it, as sqlite3_exec runs it
                        s.executeUpdate(sql);
                    }
                } else {
                    m.java().migrate(db);
                }
                int millis = (int) ((System.nanoTime() - started) / 1_000_000);
                history(db, ++rank, m, millis);
            }
            try (Statement s = db.createStatement()) {
                s.execute("COMMIT");
            }
            done = true;
            return true;
        } catch (IOException e) {
            throw new SQLException("the new store's schema could not be made (" + e.getMessage() + ")", e);
        } finally {
            if (!done) {
                try (Statement s = db.createStatement()) {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // the failure that brought us here is what the caller reports
                }
            }
        }
    }

    private static boolean nothingThere(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rs.next() && rs.getInt(1) == 0;
        }
    }

    /** The row Flyway writes for a migration it applied. */
    private static void history(Connection db, int rank, Migration m, int millis) throws SQLException, IOException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO \"" + StoreSchema.TABLE + "\" (installed_rank,"
                + " version, description, type, script, checksum, installed_by, execution_time, success)"
                + " VALUES (?, ?, ?, ?, ?, ?, '', ?, 1)")) {
            insert.setInt(1, rank);
            if (m.sqlFile() != null) {
                String name = m.sqlFile();
                int sep = name.indexOf("__");
                insert.setString(2, name.substring(1, sep));
                insert.setString(3, name.substring(sep + 2, name.length() - ".sql".length()).replace('_', ' '));
                insert.setString(4, "SQL");
                insert.setString(5, name);
                insert.setInt(6, checksum(m.sqlFile()));
            } else {
                insert.setString(2, m.java().getVersion().getVersion());
                insert.setString(3, m.java().getDescription());
                insert.setString(4, "JDBC");
                insert.setString(5, m.java().getClass().getName());
                insert.setInt(6, m.java().getChecksum());
            }
            insert.setInt(7, millis);
            insert.executeUpdate();
        }
    }

    private static String script(String file) throws IOException {
        try (InputStream in = open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Flyway's checksum of a SQL file: CRC-32 over its lines' UTF-8 bytes, line breaks and a leading BOM left out. */
    static int checksum(String file) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = NewStoreSchema.class.getResourceAsStream("/db/store/sqlite/" + file);
        if (in == null) {
            throw new IOException("migration " + file + " is missing from the build");
        }
        return in;
    }
}
