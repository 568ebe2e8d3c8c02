package dev.tdn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.Examples;
import dev.tdn.record.RecordJson;
import dev.tdn.record.RecordText;
import dev.tdn.record.SessionRecord;

/** The upgrade of a SQLite store an older tdn made; what every store promises is in {@link StoreContract}. */
class SqliteStoreTest {

    @TempDir
    Path dir;

    /** Three sessions started within one second, put in out of order; whole seconds have no fraction in ISO text. */
    private static final List<String> STARTS = List.of("2026-11-26T14:03:10.5-06:00", "2026-11-26T14:03:10-06:00",
            "2026-11-26T14:03:10.25-06:00");

    private static StoreEntry entry(String startedAt) {
        String id = UUID.nameUUIDFromBytes(startedAt.getBytes(StandardCharsets.UTF_8)).toString();
        byte[] json = RecordText.compact(Examples.COMPLETED, r -> r.put("id", id).put("startedAt", startedAt))
                .getBytes(StandardCharsets.UTF_8);
        return StoreEntry.of(RecordJson.mapper().readValue(json, SessionRecord.class), json);
    }

    private static List<String> startsInExportOrder(SessionStore store, SessionQuery q) throws Exception {
        List<String> starts = new ArrayList<>();
        store.eachRecord(q, r -> starts.add(r.startedAt().toLocalTime().toString()));
        return starts;
    }

    private static SessionQuery since(String t) {
        return new SessionQuery(null, null, t == null ? null : OffsetDateTime.parse(t).toInstant(), null, null, true, 0);
    }

    /** A store as tdn 0.1.0's first schema wrote it, with these start times as it wrote them. */
    private static void firstSchemaStore(Path db, List<String> startedAtAsWritten) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sessions (id TEXT PRIMARY KEY, patient_id TEXT NOT NULL, clinician_id TEXT NOT NULL,"
                    + " started_at TEXT NOT NULL, started_utc TEXT NOT NULL, status TEXT NOT NULL, cpt TEXT,"
                    + " points INTEGER NOT NULL, training INTEGER NOT NULL, content_sha256 TEXT NOT NULL,"
                    + " record TEXT NOT NULL, imported_at TEXT NOT NULL)");
            s.execute("CREATE INDEX sessions_by_start ON sessions (started_utc)");
            s.execute("CREATE INDEX sessions_by_patient ON sessions (patient_id, started_utc)");
            s.execute("CREATE INDEX sessions_by_clinician ON sessions (clinician_id, started_utc)");
            s.execute("CREATE INDEX sessions_by_status ON sessions (status, started_utc)");
            for (int i = 0; i < STARTS.size(); i++) {
                StoreEntry e = entry(STARTS.get(i));
                s.execute("INSERT INTO sessions VALUES ('" + e.record().id() + "', 'MRN-1', 'pt-0042', '"
                        + startedAtAsWritten.get(i) + "', '" + OffsetDateTime.parse(STARTS.get(i)).toInstant()
                        + "', 'completed', '20560', 2, 0, '" + e.contentHash() + "', '"
                        + new String(e.json(), StandardCharsets.UTF_8) + "', '2026-11-26T20:00:00Z')");
            }
            s.execute("PRAGMA user_version = 1");
        }
    }

    private static int userVersion(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                var rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aStoreFromTheFirstSchemaIsUpgradedInPlace() throws Exception {
        Path db = dir.resolve("old.db");
        // OffsetDateTime.toString() as version 1 stored it: fractions in threes, not as records write them
        firstSchemaStore(db, List.of("2026-11-26T14:03:10.500-06:00", "2026-11-26T14:03:10-06:00",
                "2026-11-26T14:03:10.250-06:00"));

        try (SessionStore store = StoreAddress.parse("jdbc:sqlite:" + db).open(ByTests.AS)) {
            assertThat(startsInExportOrder(store, since(null))).containsExactly("14:03:10", "14:03:10.250", "14:03:10.500");
            assertThat(store.list(since(null))).extracting(StoredSession::startedAt).containsExactly(
                    "2026-11-26T14:03:10.5-06:00", "2026-11-26T14:03:10.25-06:00", "2026-11-26T14:03:10-06:00");
        }
        assertThat(userVersion(db)).isEqualTo(StoreSchema.LATEST);
    }

    @Test
    void anUpgradeThatFailsLeavesTheOldStoreAsItWasAndUnlocked() throws Exception {
        Path db = dir.resolve("old.db");
        firstSchemaStore(db, List.of("2026-11-26T14:03:10.5-06:00", "yesterday", "2026-11-26T14:03:10.25-06:00"));

        assertThatThrownBy(() -> StoreAddress.parse("jdbc:sqlite:" + db).open(ByTests.AS)).isInstanceOf(StoreException.class)
                .hasMessageContaining("unreadable start time");

        assertThat(userVersion(db)).isEqualTo(1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 0");
            // nobody holds the write lock: the failed upgrade rolled back and closed its connection
            s.executeUpdate("UPDATE sessions SET started_at = '2026-11-26T14:03:10-06:00' WHERE started_at = 'yesterday'");
            try (var rs = s.executeQuery("PRAGMA table_info(sessions)")) {
                int columns = 0;
                while (rs.next()) {
                    columns++;
                }
                assertThat(columns).as("no column added").isEqualTo(12);
            }
        }
        try (SessionStore store = StoreAddress.parse("jdbc:sqlite:" + db).open(ByTests.AS)) {
            assertThat(startsInExportOrder(store, since(null))).hasSize(3);
        }
    }

}
