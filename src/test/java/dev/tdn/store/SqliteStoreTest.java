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

/** The store's ordering and filtering promises, and the upgrade of a store an older tdn made. */
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

    @Test
    void sessionsWithinOneSecondAreInTimeOrderAndFilteredByTime() throws Exception {
        try (SessionStore store = StoreAddress.parse("jdbc:sqlite:" + dir.resolve("tdn.db")).open()) {
            try (SessionStore.Batch b = store.batch(false)) {
                for (String s : STARTS) {
                    b.put(entry(s));
                }
                b.commit();
            }

            assertThat(startsInExportOrder(store, since(null))).containsExactly("14:03:10", "14:03:10.250", "14:03:10.500");
            assertThat(startsInExportOrder(store, since("2026-11-26T14:03:10.1-06:00")))
                    .containsExactly("14:03:10.250", "14:03:10.500");
            assertThat(store.list(since(null))).extracting(StoredSession::startedAt)
                    .containsExactly("2026-11-26T14:03:10.5-06:00", "2026-11-26T14:03:10.25-06:00",
                            "2026-11-26T14:03:10-06:00");
        }
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

        try (SessionStore store = StoreAddress.parse("jdbc:sqlite:" + db).open()) {
            assertThat(startsInExportOrder(store, since(null))).containsExactly("14:03:10", "14:03:10.250", "14:03:10.500");
            assertThat(store.list(since(null))).extracting(StoredSession::startedAt).containsExactly(
                    "2026-11-26T14:03:10.5-06:00", "2026-11-26T14:03:10.25-06:00", "2026-11-26T14:03:10-06:00");
        }
        assertThat(userVersion(db)).isEqualTo(2);
    }

    @Test
    void anUpgradeThatFailsLeavesTheOldStoreAsItWasAndUnlocked() throws Exception {
        Path db = dir.resolve("old.db");
        firstSchemaStore(db, List.of("2026-11-26T14:03:10.5-06:00", "yesterday", "2026-11-26T14:03:10.25-06:00"));

        assertThatThrownBy(() -> StoreAddress.parse("jdbc:sqlite:" + db).open()).isInstanceOf(StoreException.class)
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
        try (SessionStore store = StoreAddress.parse("jdbc:sqlite:" + db).open()) {
            assertThat(startsInExportOrder(store, since(null))).hasSize(3);
        }
    }

    @Test
    void aReaderThatFailsLeavesTheStoreWritable() throws Exception {
        try (SessionStore store = StoreAddress.parse("jdbc:sqlite:" + dir.resolve("tdn.db")).open()) {
            try (SessionStore.Batch b = store.batch(false)) {
                b.put(entry(STARTS.get(0)));
                b.commit();
            }

            assertThatThrownBy(() -> store.eachRecord(since(null), r -> {
                throw new java.io.IOException("disk full");
            })).hasMessage("disk full");

            try (SessionStore.Batch b = store.batch(false)) {
                b.put(entry(STARTS.get(1)));
                b.commit();
            }
            assertThat(startsInExportOrder(store, since(null))).hasSize(2);
        }
    }

    @Test
    void readingGoesPastADamagedRowAndReturnsIt() throws Exception {
        Path db = dir.resolve("tdn.db");
        List<StoreEntry> entries = STARTS.stream().map(SqliteStoreTest::entry).toList();
        try (SessionStore store = StoreAddress.parse("jdbc:sqlite:" + db).open()) {
            try (SessionStore.Batch b = store.batch(false)) {
                for (StoreEntry e : entries) {
                    b.put(e);
                }
                b.commit();
            }
        }
        String damaged = entries.get(1).record().id();
        Damage.replaceRecord(db, damaged, "{}");

        try (SessionStore store = StoreAddress.parse("jdbc:sqlite:" + db).open()) {
            List<String> read = new ArrayList<>();
            List<DamagedSession> found = store.eachRecord(since(null), r -> read.add(r.id()));

            assertThat(read).hasSize(2).doesNotContain(damaged);
            assertThat(found).extracting(DamagedSession::id).containsExactly(damaged);
            assertThat(found.get(0).recordFile()).isEqualTo("2026-11-26_" + damaged + ".json");
            StoreCheck check = store.check();
            assertThat(check.checked()).isEqualTo(3);
            assertThat(check.damaged()).isEqualTo(found);
            assertThatThrownBy(() -> store.recordBytes(damaged)).isInstanceOf(DamagedInStore.class)
                    .hasMessageContaining(damaged).hasMessageNotContaining("{}");

            // a repair replaces the damaged row only; an import's batch refuses to
            try (SessionStore.Batch b = store.batch(false)) {
                assertThat(b.put(entries.get(1))).isEqualTo(Placement.DAMAGED_IN_STORE);
            }
            try (SessionStore.Batch b = store.batch(Overwrite.DAMAGED)) {
                assertThat(b.put(entries.get(0))).isEqualTo(Placement.ALREADY_PRESENT);
                assertThat(b.put(entries.get(1))).isEqualTo(Placement.REPAIRED);
                b.commit();
            }
            assertThat(store.check().damaged()).isEmpty();
        }
    }
}
