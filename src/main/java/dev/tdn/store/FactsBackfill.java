package dev.tdn.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;

import dev.tdn.record.RecordJson;
import dev.tdn.record.SessionRecord;
import tools.jackson.core.JacksonException;

/**
 * Version 5, on both stores: the facts of version 4 filled in from the sessions already stored,
 * each record read once. A session whose bytes no longer hash to what was imported gets
 * none: reports leave it out as damaged, and {@code tdn import --repair} puts it back, facts and
 * all.
 */
final class FactsBackfill implements ConnectionMigration {

    private final StoreSchema.Kind kind;

    FactsBackfill(StoreSchema.Kind kind) {
        this.kind = kind;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "session facts for the sessions stored";
    }

    @Override
    public Integer getChecksum() {
        return 5;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Connection db) throws SQLException {
        try (Statement read = db.createStatement();
                PreparedStatement update = db.prepareStatement("UPDATE sessions SET compact_as_stored = ?, "
                        + FactTables.SESSION_COLUMNS.replace(",", " = ?,") + " = ? WHERE id = ?");
                FactTables facts = new FactTables(db)) {
            // in pages on PostgreSQL (inside the migration's transaction), not the whole table at once
            read.setFetchSize(200);
            try (ResultSet rs = read.executeQuery("SELECT id, record, record_sha256 FROM sessions")) {
                while (rs.next()) {
                    byte[] bytes = kind == StoreSchema.Kind.SQLITE
                            ? rs.getString(2).getBytes(StandardCharsets.UTF_8) : rs.getBytes(2);
                    String hash = rs.getString(3);
                    if (hash == null || !dev.tdn.Fingerprint.of(bytes).equals(hash)) {
                        continue;
                    }
                    SessionRecord record;
                    try {
                        record = RecordJson.readStored(bytes);
                    } catch (JacksonException e) {
                        continue;
                    }
                    SessionFacts f = SessionFacts.of(record);
                    update.setInt(1, StoreEntry.of(record, bytes).compactAsStored() ? 1 : 0);
                    FactTables.sessionColumns(update, 2, f);
                    update.setString(FactTables.SESSION_COLUMN_COUNT + 2, rs.getString(1));
                    update.executeUpdate();
                    facts.add(rs.getString(1), f);
                }
            }
            facts.flush();
        }
        if (kind == StoreSchema.Kind.SQLITE) {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA user_version = 5");
            }
        }
    }
}
