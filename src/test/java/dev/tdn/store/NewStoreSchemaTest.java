package dev.tdn.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.JDBC;

/**
 * A new SQLite store made without Flyway is the store Flyway makes: the same tables, indexes and
 * triggers with the same SQL, the same user_version, the same history rows (but for when and how
 * long), and Flyway itself finds it valid with nothing pending.
 */
class NewStoreSchemaTest {

    @TempDir
    Path dir;

    @Test
    void aNewStoreIsWhatFlywayMakes() throws Exception {
        Path quick = dir.resolve("quick.db");
        Files.createFile(quick);
        try (Connection db = connect(quick)) {
            assertThat(NewStoreSchema.create(db)).as("made here, not by Flyway").isTrue();
        }

        Path flyway = dir.resolve("flyway.db");
        Files.createFile(flyway);
        try (Connection db = JDBC.createConnection("jdbc:sqlite:" + flyway, new java.util.Properties())) {
            StoreSchema.migrate(SqliteStore.dataSource(flyway), db, StoreSchema.Kind.SQLITE);
        }

        try (Connection a = connect(quick); Connection b = connect(flyway)) {
            assertThat(rows(a, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"))
                    .isEqualTo(rows(b, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"))
                    .hasSizeGreaterThan(10);
            assertThat(rows(a, "PRAGMA user_version")).isEqualTo(rows(b, "PRAGMA user_version"))
                    .containsExactly(List.of(String.valueOf(StoreSchema.LATEST)));
            String history = "SELECT installed_rank, version, description, type, script, checksum, installed_by, success"
                    + " FROM " + StoreSchema.TABLE + " ORDER BY installed_rank";
            assertThat(rows(a, history)).isEqualTo(rows(b, history)).hasSize(StoreSchema.LATEST);
            assertThat(rows(a, "SELECT count(*) FROM " + StoreSchema.TABLE + " WHERE installed_on"
                    + " > strftime('%Y-%m-%d %H:%M:%f', 'now', '-1 hour')")).containsExactly(List.of(String.valueOf(StoreSchema.LATEST)));

            ValidateResult valid = StoreSchema.configure(SqliteStore.dataSource(quick), a, StoreSchema.Kind.SQLITE)
                    .load().validateWithResult();
            assertThat(valid.validationSuccessful).as(String.valueOf(valid.invalidMigrations)).isTrue();
            assertThat(StoreSchema.configure(SqliteStore.dataSource(quick), a, StoreSchema.Kind.SQLITE)
                    .load().info().pending()).isEmpty();
        }
    }

    @Test
    void aStoreFlywayBeganIsFinishedByFlyway() throws Exception {
        // an older tdn's first import killed after Flyway made its history table, before the migrations
        Path file = dir.resolve("tdn.db");
        try (Connection db = JDBC.createConnection("jdbc:sqlite:" + file, new java.util.Properties());
                Statement s = db.createStatement()) {
            s.executeUpdate("CREATE TABLE \"" + StoreSchema.TABLE + "\" (\"installed_rank\" INT NOT NULL PRIMARY KEY,"
                    + " \"version\" VARCHAR(50), \"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL,"
                    + " \"script\" VARCHAR(1000) NOT NULL, \"checksum\" INT, \"installed_by\" VARCHAR(100) NOT NULL,"
                    + " \"installed_on\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),"
                    + " \"execution_time\" INT NOT NULL, \"success\" BOOLEAN NOT NULL)");
            assertThat(NewStoreSchema.create(db)).as("not made here: the file holds something").isFalse();
        }

        SqliteStore.open(file).close();

        try (Connection db = connect(file)) {
            assertThat(StoreSchema.state(db, StoreSchema.Kind.SQLITE)).isEqualTo(StoreSchema.State.CURRENT);
            assertThat(rows(db, "SELECT count(*) FROM " + StoreSchema.TABLE)).containsExactly(List.of(String.valueOf(StoreSchema.LATEST)));
        }
    }

    @Test
    void aStoreSomeoneElseMadeIsLeftAsItIs() throws Exception {
        Path file = dir.resolve("tdn.db");
        SqliteStore.open(file).close();
        try (Connection db = connect(file)) {
            // another process's schema is already there: nothing is made twice, nothing is changed
            assertThat(NewStoreSchema.create(db)).isFalse();
            assertThat(rows(db, "SELECT count(*) FROM " + StoreSchema.TABLE)).containsExactly(List.of(String.valueOf(StoreSchema.LATEST)));
        }
    }

    private static Connection connect(Path file) throws SQLException {
        return JDBC.createConnection("jdbc:sqlite:" + file, new java.util.Properties());
    }

    private static List<List<String>> rows(Connection db, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getString(c));
                }
                out.add(row);
            }
        }
        return out;
    }
}
