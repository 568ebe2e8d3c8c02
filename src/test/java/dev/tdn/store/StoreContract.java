package dev.tdn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.tdn.Examples;
import dev.tdn.record.RecordJson;
import dev.tdn.record.RecordText;
import dev.tdn.record.SessionRecord;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every store promises, whichever database holds it: one suite, run against a SQLite file
 * ({@code SqliteStoreContractTest}) and a real PostgreSQL server ({@code PostgresStoreContractTest}).
 */
abstract class StoreContract {

    /** A new, empty store's URL for this test. */
    abstract String freshStore() throws Exception;

    /** Changes the stored bytes of session {@code id} behind tdn's back, leaving the import hash as it was. */
    abstract void damage(String url, String id, String text) throws Exception;

    /** Three sessions started within one second, put in out of order; whole seconds have no fraction in ISO text. */
    static final List<String> STARTS = List.of("2026-11-26T14:03:10.5-06:00", "2026-11-26T14:03:10-06:00",
            "2026-11-26T14:03:10.25-06:00");

    static StoreEntry entry(String startedAt) {
        return entry(startedAt, r -> { });
    }

    static StoreEntry entry(String startedAt, Consumer<ObjectNode> edit) {
        String id = UUID.nameUUIDFromBytes(startedAt.getBytes(StandardCharsets.UTF_8)).toString();
        byte[] json = RecordText.compact(Examples.COMPLETED, r -> {
            r.put("id", id).put("startedAt", startedAt);
            edit.accept(r);
        }).getBytes(StandardCharsets.UTF_8);
        return entry(json);
    }

    static StoreEntry entry(byte[] json) {
        return StoreEntry.of(RecordJson.mapper().readValue(json, SessionRecord.class), json);
    }

    static List<String> startsInExportOrder(SessionStore store, SessionQuery q) throws Exception {
        List<String> starts = new ArrayList<>();
        store.eachRecord(q, r -> starts.add(r.startedAt().toLocalTime().toString()));
        return starts;
    }

    static SessionQuery since(String t) {
        return new SessionQuery(null, null, t == null ? null : OffsetDateTime.parse(t).toInstant(), null, null, true, 0);
    }

    static SessionQuery all() {
        return since(null);
    }

    private static void putAll(SessionStore store, List<StoreEntry> entries) throws StoreException {
        try (SessionStore.Batch b = store.batch(false)) {
            for (StoreEntry e : entries) {
                b.put(e);
            }
            b.commit();
        }
    }

    @Test
    void sessionsWithinOneSecondAreInTimeOrderAndFilteredByTime() throws Exception {
        try (SessionStore store = StoreAddress.parse(freshStore()).open()) {
            putAll(store, STARTS.stream().map(StoreContract::entry).toList());

            assertThat(startsInExportOrder(store, all())).containsExactly("14:03:10", "14:03:10.250", "14:03:10.500");
            assertThat(startsInExportOrder(store, since("2026-11-26T14:03:10.1-06:00")))
                    .containsExactly("14:03:10.250", "14:03:10.500");
            assertThat(store.list(all())).extracting(StoredSession::startedAt)
                    .containsExactly("2026-11-26T14:03:10.5-06:00", "2026-11-26T14:03:10.25-06:00",
                            "2026-11-26T14:03:10-06:00");
        }
    }

    @Test
    void theStoredBytesAreTheImportedBytesExactly() throws Exception {
        // odd spacing, non-ASCII text, an escaped and a raw character: nothing re-serialised
        String compact = RecordText.compact(Examples.COMPLETED, r -> r.put("notes", "Trapèze — 斜方筋 ✓"));
        byte[] json = ("{  " + compact.substring(1).replaceFirst(",", " ,\n ").replace("✓", "\\u2713 ✓"))
                .getBytes(StandardCharsets.UTF_8);
        StoreEntry e = entry(json);
        try (SessionStore store = StoreAddress.parse(freshStore()).open()) {
            putAll(store, List.of(e));

            assertThat(store.recordBytes(e.record().id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(json));
            assertThat(store.recordBytes(UUID.randomUUID().toString())).isEmpty();
        }
    }

    @Test
    void aRecordIsImportedOnceThenPresentAndAnotherUnderItsIdIsAConflictUnlessReplaced() throws Exception {
        StoreEntry first = entry(STARTS.get(0));
        StoreEntry edited = entry(STARTS.get(0), r -> r.put("notes", "edited after the session"));
        try (SessionStore store = StoreAddress.parse(freshStore()).open()) {
            try (SessionStore.Batch b = store.batch(false)) {
                assertThat(b.put(first)).isEqualTo(Placement.IMPORTED);
                b.commit();
            }
            try (SessionStore.Batch b = store.batch(false)) {
                assertThat(b.put(first)).isEqualTo(Placement.ALREADY_PRESENT);
                assertThat(b.put(edited)).isEqualTo(Placement.CONFLICT);
                b.commit();
            }
            assertThat(store.recordBytes(first.record().id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(first.json()));

            try (SessionStore.Batch b = store.batch(true)) {
                assertThat(b.put(edited)).isEqualTo(Placement.REPLACED);
                b.commit();
            }
            assertThat(store.recordBytes(first.record().id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(edited.json()));
            assertThat(store.list(all())).hasSize(1);
        }
    }

    @Test
    void aBatchClosedWithoutCommitLeavesNothingAndTheStoreWritable() throws Exception {
        try (SessionStore store = StoreAddress.parse(freshStore()).open()) {
            try (SessionStore.Batch b = store.batch(false)) {
                b.put(entry(STARTS.get(0)));
                b.put(entry(STARTS.get(1)));
            }
            assertThat(store.list(all())).isEmpty();

            putAll(store, List.of(entry(STARTS.get(2))));
            assertThat(store.list(all())).hasSize(1);
        }
    }

    @Test
    void filtersPickByPatientClinicianStatusAndTrainingAndLimitKeepsTheNewest() throws Exception {
        List<StoreEntry> entries = List.of(
                entry("2026-11-20T09:00:00-06:00", r -> ((ObjectNode) r.get("patient")).put("id", "MRN-1")),
                entry("2026-11-21T09:00:00-06:00", r -> ((ObjectNode) r.get("patient")).put("id", "MRN-2")),
                entry("2026-11-22T09:00:00-06:00", r -> ((ObjectNode) r.get("clinician")).put("id", "pt-0017")),
                entry("2026-11-23T09:00:00-06:00", r -> r.put("training", true)));
        try (SessionStore store = StoreAddress.parse(freshStore()).open()) {
            putAll(store, entries);

            assertThat(store.list(new SessionQuery("MRN-2", null, null, null, null, false, 0))).hasSize(1);
            assertThat(store.list(new SessionQuery(null, "pt-0017", null, null, null, false, 0))).hasSize(1);
            assertThat(store.list(new SessionQuery(null, null, null, null, "completed", false, 0))).hasSize(3);
            assertThat(store.list(new SessionQuery(null, null, null, null, "aborted", false, 0))).isEmpty();
            assertThat(store.list(new SessionQuery(null, null, null, null, null, false, 0))).hasSize(3);
            assertThat(store.list(new SessionQuery(null, null, null, null, null, true, 0))).hasSize(4);
            assertThat(store.list(new SessionQuery(null, null, null, null, null, false, 2)))
                    .extracting(StoredSession::startedAt)
                    .containsExactly("2026-11-22T09:00:00-06:00", "2026-11-21T09:00:00-06:00");
            assertThat(store.list(new SessionQuery(null, null, OffsetDateTime.parse("2026-11-21T00:00:00-06:00").toInstant(),
                    OffsetDateTime.parse("2026-11-22T00:00:00-06:00").toInstant(), null, false, 0))).hasSize(1);
        }
    }

    @Test
    void idsAreFoundByTheirStart() throws Exception {
        List<StoreEntry> entries = STARTS.stream().map(StoreContract::entry).toList();
        try (SessionStore store = StoreAddress.parse(freshStore()).open()) {
            putAll(store, entries);
            String id = entries.get(1).record().id();

            assertThat(store.idsStartingWith(id.substring(0, 6).toUpperCase(java.util.Locale.ROOT), 5)).containsExactly(id);
            assertThat(store.idsStartingWith("", 2)).hasSize(2);
            assertThat(store.idsStartingWith("zzzz", 5)).isEmpty();
        }
    }

    @Test
    void aReaderThatFailsLeavesTheStoreWritable() throws Exception {
        try (SessionStore store = StoreAddress.parse(freshStore()).open()) {
            putAll(store, List.of(entry(STARTS.get(0))));

            assertThatThrownBy(() -> store.eachRecord(all(), r -> {
                throw new java.io.IOException("disk full");
            })).hasMessage("disk full");

            putAll(store, List.of(entry(STARTS.get(1))));
            assertThat(startsInExportOrder(store, all())).hasSize(2);
        }
    }

    @Test
    void readingGoesPastADamagedRowAndOnlyARepairReplacesIt() throws Exception {
        String url = freshStore();
        List<StoreEntry> entries = STARTS.stream().map(StoreContract::entry).toList();
        try (SessionStore store = StoreAddress.parse(url).open()) {
            putAll(store, entries);
        }
        String damaged = entries.get(1).record().id();
        damage(url, damaged, "{}");

        try (SessionStore store = StoreAddress.parse(url).open()) {
            List<String> read = new ArrayList<>();
            List<DamagedSession> found = store.eachRecord(all(), r -> read.add(r.id()));

            assertThat(read).hasSize(2).doesNotContain(damaged);
            assertThat(found).extracting(DamagedSession::id).containsExactly(damaged);
            assertThat(found.get(0).recordFile()).isEqualTo("2026-11-26_" + damaged + ".json");
            assertThat(store.check().checked()).isEqualTo(3);
            assertThatThrownBy(() -> store.recordBytes(damaged)).isInstanceOf(DamagedInStore.class)
                    .hasMessageContaining(damaged).hasMessageNotContaining("{}");
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

    @Test
    void eightWritersAtOnceStoreEveryRecordExactlyOnce() throws Exception {
        String url = freshStore();
        // every writer puts all 40 records, in its own order, in batches of 10: 8 x 40 puts of 40 records
        List<StoreEntry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(entry(String.format("2026-11-%02dT09:%02d:00-06:00", 1 + i % 28, i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<int[]>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            List<StoreEntry> mine = new ArrayList<>(entries);
            Collections.shuffle(mine, new java.util.Random(w));
            writers.add(pool.submit(() -> {
                int[] placed = new int[2];
                try (SessionStore store = StoreAddress.parse(url).open()) {
                    for (int from = 0; from < mine.size(); from += 10) {
                        try (SessionStore.Batch b = store.batch(false)) {
                            for (StoreEntry e : mine.subList(from, from + 10)) {
                                Placement p = b.put(e);
                                placed[p == Placement.IMPORTED ? 0 : 1]++;
                                assertThat(p).isIn(Placement.IMPORTED, Placement.ALREADY_PRESENT);
                            }
                            b.commit();
                        }
                    }
                }
                return placed;
            }));
        }
        int imported = 0;
        int present = 0;
        for (Future<int[]> f : writers) {
            int[] placed = f.get(120, TimeUnit.SECONDS);
            imported += placed[0];
            present += placed[1];
        }
        pool.shutdown();

        assertThat(imported).isEqualTo(40);
        assertThat(present).isEqualTo(7 * 40);
        try (SessionStore store = StoreAddress.parse(url).openExisting()) {
            assertThat(store.list(all())).hasSize(40);
        }
    }
}
