package dev.tdn.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The store's schema, versioned the same way on SQLite and PostgreSQL: SQL files under
 * {@code db/store/KIND/}, applied by Flyway and recorded in {@value #TABLE}.
 *
 * <p>Flyway runs only when the store is behind. Loading it costs a few hundred milliseconds of
 * class loading, and a session's import, a {@code list} or a {@code show} must start as fast as the
 * JVM allows, so whether the store is current is one query of the history table first.
 */
final class StoreSchema {

    static final String TABLE = "tdn_schema_history";

    /** The version this tdn reads and writes; both stores reach it. */
    static final int LATEST = 6;

    /** Where a store stands before anything is changed. */
    enum State {
        /** nothing there yet: a new store */
        EMPTY,
        /** at an older version: a command that writes brings it up to date */
        BEHIND,
        CURRENT,
        /** made by a newer tdn: not touched */
        NEWER
    }

    enum Kind {
        SQLITE("sqlite"),
        POSTGRESQL("postgresql");

        final String folder;

        Kind(String folder) {
            this.folder = folder;
        }
    }

    private StoreSchema() {
    }

    static State state(Connection db, Kind kind) throws SQLException {
        int version = version(db, kind);
        if (version == 0) {
            return hasSessions(db) ? State.BEHIND : State.EMPTY;
        }
        return version == LATEST ? State.CURRENT : version < LATEST ? State.BEHIND : State.NEWER;
    }

    /** The highest version applied, 0 for none; a SQLite store from before Flyway says it in user_version. */
    static int version(Connection db, Kind kind) throws SQLException {
        if (hasTable(db, TABLE)) {
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version FROM " + TABLE + " WHERE success = "
                            + (kind == Kind.SQLITE ? "1" : "true") + " AND version IS NOT NULL")) {
                int max = 0;
                while (rs.next()) {
                    max = Math.max(max, Integer.parseInt(rs.getString(1)));
                }
                return max;
            }
        }
        if (kind == Kind.SQLITE) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
        return 0;
    }

    /**
     * Brings the store to {@link #LATEST}. Several rooms may open a new store at once. Within one
     * JVM they take turns; across processes, a migration that fails because another process is
     * part-way through (SQLite's busy snapshot, a table created meanwhile) waits and looks again,
     * up to {@link #PATIENCE_MS}: once the store is current that is success. A migration that
     * refuses the data it found, or a store still not current after that, is the store's error.
     */
    static void migrate(DataSource source, Connection db, Kind kind) throws SQLException {
        synchronized (StoreSchema.class) {
            long deadline = System.nanoTime() + PATIENCE_MS * 1_000_000L;
            for (long pause = 25;; pause = Math.min(pause * 2, 400)) {
                FlywayException failure;
                try {
                    configure(source, db, kind).load().migrate();
                    return;
                } catch (FlywayException e) {
                    failure = e;
                }
                for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                    if (cause instanceof Refused refused) {
                        throw new SQLException(refused.getMessage(), failure);
                    }
                }
                if (state(db, kind) == State.CURRENT) {
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new SQLException("the store's schema could not be brought to version " + LATEST
                            + " (" + firstLine(failure.getMessage()) + ")", failure);
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while the store's schema was being brought up to date", e);
                }
            }
        }
    }

    /** How long a migration waits for another process's migration of the same store. */
    static final long PATIENCE_MS = 30_000;

    static FluentConfiguration configure(DataSource source, Connection db, Kind kind) throws SQLException {
        int before = version(db, kind);
        boolean legacy = kind == Kind.SQLITE && before > 0 && !hasTable(db, TABLE);
        FluentConfiguration config = Flyway.configure(StoreSchema.class.getClassLoader())
                .dataSource(source)
                .locations("classpath:db/store/" + kind.folder)
                .table(TABLE)
                // all pending versions in one transaction: a store is at one version or the next
                .group(true)
                .cleanDisabled(true)
                .validateOnMigrate(true);
        if (kind == Kind.SQLITE) {
            config.javaMigrations(new SqliteStore.FixedWidthStartKeys(), new FactsBackfill(kind));
        } else {
            config.javaMigrations(new FactsBackfill(kind));
        }
        if (legacy) {
            // a store made before Flyway: user_version said where it was
            config.baselineOnMigrate(true).baselineVersion(String.valueOf(before))
                    .baselineDescription("store made by tdn before versioned migrations");
        }
        return config;
    }

    /** A migration that cannot go on with the data it found; its message is what the user is told. */
    static final class Refused extends SQLException {
        Refused(String message) {
            super(message);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static boolean hasSessions(Connection db) throws SQLException {
        return hasTable(db, "sessions");
    }

    private static boolean hasTable(Connection db, String name) throws SQLException {
        DatabaseMetaData meta = db.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
