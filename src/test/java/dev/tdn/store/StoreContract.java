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

    /**
     * Runs SQL as the store's owner would, behind tdn's back, statements separated by ";\n";
     * throws with the database's message when it refuses.
     */
    abstract void asOwner(String url, String sql) throws Exception;

    /** The owner's way past the trail's own triggers, so a test can edit it as an intruder would. */
    abstract String withoutAuditTriggers(String sql);

    /** Makes the database refuse every new audit entry. */
    abstract void refuseAuditEntries(String url) throws Exception;

    static final AuditAction IMPORTING = AuditAction.of(null, "import", java.util.Map.of());

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
        try (SessionStore store = StoreAddress.parse(freshStore()).open(ByTests.AS)) {
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
    void pseudonymsAreDrawnOnceForEachPersonAndKeptForEveryLaterExport() throws Exception {
        try (SessionStore store = StoreAddress.parse(freshStore()).open(ByTests.AS)) {
            putAll(store, List.of(
                    entry(STARTS.get(0), r -> ((ObjectNode) r.get("patient")).put("id", "MRN-1")),
                    entry(STARTS.get(1), r -> ((ObjectNode) r.get("patient")).put("id", "MRN-2")),
                    entry(STARTS.get(2), r -> ((ObjectNode) r.get("patient")).put("id", "MRN-1"))));

            Pseudonyms first = store.pseudonyms(all());
            Pseudonyms onePatient = store.pseudonyms(new SessionQuery("MRN-2", null, null, null, null, true, 0));
            Pseudonyms again = store.pseudonyms(all());

            assertThat(first.patients()).containsOnlyKeys("MRN-1", "MRN-2");
            assertThat(first.patient("MRN-1")).matches("P-[0-9A-Z]{12}").isNotEqualTo(first.patient("MRN-2"));
            assertThat(first.clinicians()).containsOnlyKeys("pt-0042");
            assertThat(first.clinician("pt-0042")).matches("C-[0-9A-Z]{12}");
            assertThat(onePatient.patients()).containsOnlyKeys("MRN-2").containsValue(first.patient("MRN-2"));
            assertThat(again).isEqualTo(first);
        }
        // a second store draws its own: a pseudonym is never a function of the identifier
        try (SessionStore other = StoreAddress.parse(freshStore()).open(ByTests.AS)) {
            putAll(other, List.of(entry(STARTS.get(0), r -> ((ObjectNode) r.get("patient")).put("id", "MRN-1"))));
            String elsewhere = other.pseudonyms(all()).patient("MRN-1");
            try (SessionStore store = StoreAddress.parse(freshStore()).open(ByTests.AS)) {
                putAll(store, List.of(entry(STARTS.get(0), r -> ((ObjectNode) r.get("patient")).put("id", "MRN-1"))));
                assertThat(store.pseudonyms(all()).patient("MRN-1")).isNotEqualTo(elsewhere);
            }
        }
    }

    @Test
    void theStoredBytesAreTheImportedBytesExactly() throws Exception {
        // odd spacing, non-ASCII text, an escaped and a raw character: nothing re-serialised
        String compact = RecordText.compact(Examples.COMPLETED, r -> r.put("notes", "Trapèze — 斜方筋 ✓"));
        byte[] json = ("{  " + compact.substring(1).replaceFirst(",", " ,\n ").replace("✓", "\\u2713 ✓"))
                .getBytes(StandardCharsets.UTF_8);
        StoreEntry e = entry(json);
        try (SessionStore store = StoreAddress.parse(freshStore()).open(ByTests.AS)) {
            putAll(store, List.of(e));

            assertThat(store.recordBytes(e.record().id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(json));
            assertThat(store.recordBytes(UUID.randomUUID().toString())).isEmpty();
        }
    }

    @Test
    void aRecordIsImportedOnceThenPresentAndAnotherUnderItsIdIsAConflictUnlessReplaced() throws Exception {
        StoreEntry first = entry(STARTS.get(0));
        StoreEntry edited = entry(STARTS.get(0), r -> r.put("notes", "edited after the session"));
        try (SessionStore store = StoreAddress.parse(freshStore()).open(ByTests.AS)) {
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
        try (SessionStore store = StoreAddress.parse(freshStore()).open(ByTests.AS)) {
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
        try (SessionStore store = StoreAddress.parse(freshStore()).open(ByTests.AS)) {
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
        try (SessionStore store = StoreAddress.parse(freshStore()).open(ByTests.AS)) {
            putAll(store, entries);
            String id = entries.get(1).record().id();

            assertThat(store.idsStartingWith(id.substring(0, 6).toUpperCase(java.util.Locale.ROOT), 5)).containsExactly(id);
            assertThat(store.idsStartingWith("", 2)).hasSize(2);
            assertThat(store.idsStartingWith("zzzz", 5)).isEmpty();
        }
    }

    @Test
    void aReaderThatFailsLeavesTheStoreWritable() throws Exception {
        try (SessionStore store = StoreAddress.parse(freshStore()).open(ByTests.AS)) {
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
        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
            putAll(store, entries);
        }
        String damaged = entries.get(1).record().id();
        damage(url, damaged, "{}");

        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
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
    void eachLineIsTheRecordsCompactFormWhetherTdnWroteItOrSomeoneElseDid() throws Exception {
        String url = freshStore();
        // as tdn writes a record: indented, its own field order and number forms
        StoreEntry tdns = entry(RecordText.edited(Examples.COMPLETED, r -> r.put("id", UUID.randomUUID().toString()))
                .getBytes(StandardCharsets.UTF_8));
        // the same fields by another hand: another order, and a letter written as an escape
        ObjectNode other = RecordText.tree(Examples.ABORTED);
        other.put("id", UUID.randomUUID().toString());
        other.remove("notes");
        String reordered = "{\"notes\": \"caf\\u00e9\", " + other.toString().substring(1);
        StoreEntry others = entry(reordered.getBytes(StandardCharsets.UTF_8));
        assertThat(tdns.compactAsStored()).isTrue();
        assertThat(others.compactAsStored()).isFalse();
        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
            putAll(store, List.of(tdns, others));
            List<String> lines = new ArrayList<>();
            assertThat(store.eachLine(all(), line -> lines.add(new String(line, StandardCharsets.UTF_8)))).isEmpty();
            List<String> compact = new ArrayList<>();
            store.eachRecord(all(), r -> compact.add(new String(StoreEntry.compact(r), StandardCharsets.UTF_8)));

            assertThat(lines).hasSize(2).isEqualTo(compact);
            assertThat(lines).anyMatch(l -> l.contains("\"notes\":\"café\""));
        }
    }

    @Test
    void aLargeReadHandsOutEveryIntactRecordInOrderAroundDamage() throws Exception {
        String url = freshStore();
        List<StoreEntry> entries = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            entries.add(entry(String.format("2026-11-26T14:%02d:%02d-06:00", i / 60, i % 60)));
        }
        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
            putAll(store, entries);
        }
        List<String> broken = List.of(entries.get(3).record().id(), entries.get(100).record().id(),
                entries.get(entries.size() - 1).record().id());
        for (String id : broken) {
            damage(url, id, "{}");
        }
        List<String> expected = entries.stream().map(e -> e.record().id()).filter(id -> !broken.contains(id)).toList();

        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
            List<String> read = new ArrayList<>();
            List<DamagedSession> found = store.eachRecord(all(), r -> read.add(r.id()));
            List<String> lines = new ArrayList<>();
            List<DamagedSession> foundByLines = store.eachLine(all(), line -> lines.add(
                    RecordJson.mapper().readValue(line, SessionRecord.class).id()));
            List<DamagedSession> counted = store.count(all(), List.of(new Count("SELECT count(*) FROM chosen",
                    rs -> assertThat(rs.getInt(1)).isEqualTo(expected.size()))));

            assertThat(read).isEqualTo(expected);
            assertThat(lines).isEqualTo(expected);
            assertThat(found).extracting(DamagedSession::id).isEqualTo(broken);
            assertThat(foundByLines).isEqualTo(found);
            assertThat(counted).isEqualTo(found);
        }
    }

    /** Sessions counted, needled points joined to them, and each session's pain before, oldest first. */
    private static String counted(SessionStore store, List<DamagedSession> damaged) throws StoreException {
        StringBuilder out = new StringBuilder();
        damaged.addAll(store.count(all(), List.of(
                new Count("SELECT count(*), sum(points_needled) FROM chosen",
                        rs -> out.append(rs.getInt(1)).append(" sessions, ").append(rs.getInt(2)).append(" needled; ")),
                new Count("SELECT count(*) FROM chosen c JOIN needled_points p ON p.session_id = c.id",
                        rs -> out.append(rs.getInt(1)).append(" point rows; pain")),
                new Count("SELECT pain_before FROM chosen ORDER BY started_utc, id",
                        rs -> out.append(' ').append(rs.getInt(1))))));
        return out.toString();
    }

    @Test
    void countsLeaveOutADamagedSessionAndTakeEachRecordsFactsAsReplaced() throws Exception {
        String url = freshStore();
        List<StoreEntry> entries = STARTS.stream().map(StoreContract::entry).toList();
        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
            putAll(store, entries);
            try (SessionStore.Batch b = store.batch(true)) {
                // the second point never needled, pain 2 before: the facts follow the new record
                assertThat(b.put(entry(STARTS.get(0), r -> {
                    r.put("painBefore", 2);
                    ((ObjectNode) RecordText.point(r, 1)).putNull("insertedAt");
                }))).isEqualTo(Placement.REPLACED);
                b.commit();
            }
            List<DamagedSession> damaged = new ArrayList<>();
            // oldest first: 10.0 s, 10.25 s, then the replaced 10.5 s
            assertThat(counted(store, damaged)).isEqualTo("3 sessions, 5 needled; 5 point rows; pain 6 6 2");
            assertThat(damaged).isEmpty();
        }
        String broken = entries.get(1).record().id();
        damage(url, broken, "{}");

        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
            List<DamagedSession> damaged = new ArrayList<>();
            assertThat(counted(store, damaged)).isEqualTo("2 sessions, 3 needled; 3 point rows; pain 6 2");
            assertThat(damaged).extracting(DamagedSession::id).containsExactly(broken);
            assertThat(damaged.get(0).recordFile()).isEqualTo("2026-11-26_" + broken + ".json");
            try (SessionStore.Batch b = store.batch(Overwrite.DAMAGED)) {
                assertThat(b.put(entries.get(1))).isEqualTo(Placement.REPAIRED);
                b.commit();
            }
            damaged.clear();
            assertThat(counted(store, damaged)).isEqualTo("3 sessions, 5 needled; 5 point rows; pain 6 6 2");
            assertThat(damaged).isEmpty();
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
                try (SessionStore store = StoreAddress.parse(url).open(IMPORTING)) {
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
        try (SessionStore store = StoreAddress.parse(url).openExisting(ByTests.AS)) {
            assertThat(store.list(all())).hasSize(40);
            AuditCheck trail = store.verifyAudit();
            assertThat(trail.breaks()).isEmpty();
            // every batch that wrote has its entry, and each session was written by exactly one
            List<AuditEntry> writes = store.audit(new AuditQuery(null, null, "import", null, null, 0));
            assertThat(writes.stream().mapToInt(AuditEntry::sessionCount).sum()).isEqualTo(40);
        }
    }

    @Test
    void readersBesideWritersKeepTheTrailOneUnbrokenChain() throws Exception {
        String url = freshStore();
        List<StoreEntry> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(entry(String.format("2026-10-%02dT10:%02d:00-06:00", 1 + i % 28, i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            List<StoreEntry> mine = new ArrayList<>(entries);
            Collections.shuffle(mine, new java.util.Random(w));
            work.add(pool.submit(() -> {
                try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
                    for (int from = 0; from < mine.size(); from += 5) {
                        putAll(store, mine.subList(from, from + 5));
                    }
                }
                return null;
            }));
        }
        int[] exported = new int[3];
        for (int r = 0; r < 3; r++) {
            int reader = r;
            work.add(pool.submit(() -> {
                try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
                    for (int i = 0; i < 10; i++) {
                        store.list(all());
                        List<String> read = new ArrayList<>();
                        store.eachRecord(all(), rec -> read.add(rec.id()));
                        // what a read hands out is exactly what its entry names
                        AuditEntry mine = store.audit(new AuditQuery(null, null, null, null, null, 0)).stream()
                                .filter(e -> e.sessionCount() == read.size() && e.sessionIds().equals(read))
                                .findFirst().orElse(null);
                        assertThat(mine).as("the entry of a read of " + read.size()).isNotNull();
                        exported[reader] += read.size();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        try (SessionStore store = StoreAddress.parse(url).openExisting(ByTests.AS)) {
            AuditCheck trail = store.verifyAudit();
            assertThat(trail.breaks()).isEmpty();
            // 3 writers x 6 batches at most, 3 readers x 10 x 3 reads, and this check
            assertThat(trail.checked()).isBetween(3 * 10 * 3 + 1, 3 * 6 + 3 * 10 * 3 + 1);
            assertThat(trail.lastSeq()).isEqualTo(trail.checked());
        }
    }

    @Test
    void everyReadLeavesAnEntryNamingTheSessionsAndPatientsItReached() throws Exception {
        AuditAction exporting = AuditAction.of("pt-0042", "export", java.util.Map.of("patient", "MRN-1", "format", "fhir"));
        String url = freshStore();
        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
            putAll(store, List.of(entry(STARTS.get(0)), entry(STARTS.get(1), r -> ((ObjectNode) r.get("patient"))
                    .put("id", "MRN-2"))));
        }
        String first = entry(STARTS.get(0)).record().id();
        String patient = entry(STARTS.get(0)).record().patient().id();
        try (SessionStore store = StoreAddress.parse(url).openExisting(exporting)) {
            store.eachRecord(all(), r -> { });
            store.recordBytes(first);
            store.list(new SessionQuery(null, null, null, null, null, true, 1));
        }
        List<AuditEntry> trail;
        try (SessionStore store = StoreAddress.parse(url).openExisting(ByTests.AS)) {
            trail = store.audit(new AuditQuery(null, null, null, null, null, 0));
        }

        // newest first: this reading of the trail, the list, the show, the export, the import
        assertThat(trail).extracting(AuditEntry::seq).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(trail).extracting(AuditEntry::command).containsExactly("test", "export", "export", "export", "test");
        AuditEntry export = trail.get(3);
        assertThat(export.clinician()).isEqualTo("pt-0042");
        assertThat(export.osUser()).isEqualTo(System.getProperty("user.name"));
        assertThat(export.filters()).containsEntry("patient", "MRN-1").containsEntry("format", "fhir");
        assertThat(export.sessionCount()).isEqualTo(2);
        assertThat(export.patientIds()).containsExactlyInAnyOrder(patient, "MRN-2");
        assertThat(trail.get(2).sessionIds()).containsExactly(first);
        assertThat(trail.get(2).patientIds()).containsExactly(patient);
        assertThat(trail.get(1).sessionCount()).isEqualTo(1);
        assertThat(trail.get(4).sessionCount()).as("the import's batch").isEqualTo(2);
        assertThat(trail.get(0).at()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        try (SessionStore store = StoreAddress.parse(url).openExisting(ByTests.AS)) {
            // only the export reached MRN-2's session; every entry whose filters name MRN-1 concerns MRN-1
            assertThat(store.audit(new AuditQuery("MRN-2", null, "export", null, null, 0)))
                    .extracting(AuditEntry::seq).containsExactly(2L);
            assertThat(store.audit(new AuditQuery("MRN-1", null, null, null, null, 0)))
                    .extracting(AuditEntry::seq).containsExactly(4L, 3L, 2L);
            assertThat(store.audit(new AuditQuery(null, "pt-0042", null, null, null, 2)))
                    .extracting(AuditEntry::seq).containsExactly(4L, 3L);
        }
    }

    @Test
    void aBatchThatIsRolledBackLeavesNoEntryAndNoGap() throws Exception {
        String url = freshStore();
        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
            try (SessionStore.Batch b = store.batch(false)) {
                b.put(entry(STARTS.get(0)));
                // closed without commit: a dry run, or a failure part-way
            }
            putAll(store, List.of(entry(STARTS.get(1))));
            AuditCheck trail = store.verifyAudit();
            assertThat(trail.breaks()).isEmpty();
            assertThat(trail.checked()).isEqualTo(2);
        }
    }

    @Test
    void theDatabaseItselfRefusesToChangeOrRemoveAnEntry() throws Exception {
        String url = freshStore();
        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
            putAll(store, List.of(entry(STARTS.get(0))));
        }

        assertThatThrownBy(() -> asOwner(url, "UPDATE audit SET os_user = 'someone else'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> asOwner(url, "DELETE FROM audit")).hasMessageContaining("append-only");
        try (SessionStore store = StoreAddress.parse(url).openExisting(ByTests.AS)) {
            assertThat(store.verifyAudit().breaks()).isEmpty();
        }
    }

    @Test
    void verifyNamesAnEntryEditedBehindTdnsBackAndOneRemoved() throws Exception {
        String url = freshStore();
        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
            putAll(store, List.of(entry(STARTS.get(0))));
            for (int i = 0; i < 4; i++) {
                store.list(all());
            }
            assertThat(store.verifyAudit().intact()).isTrue();
        }

        asOwner(url, withoutAuditTriggers("UPDATE audit SET os_user = 'nobody' WHERE seq = 2"));
        AuditCheck edited;
        try (SessionStore store = StoreAddress.parse(url).openExisting(ByTests.AS)) {
            edited = store.verifyAudit();
        }
        asOwner(url, withoutAuditTriggers("DELETE FROM audit WHERE seq = 4"));
        AuditCheck removed;
        try (SessionStore store = StoreAddress.parse(url).openExisting(ByTests.AS)) {
            removed = store.verifyAudit();
        }

        assertThat(edited.breaks()).extracting(AuditCheck.Break::seq).containsExactly(2L);
        assertThat(edited.breaks().get(0).what()).contains("entry 2 was changed");
        assertThat(removed.breaks()).extracting(AuditCheck.Break::what).containsExactly(
                "entry 2 was changed after it was written (its hash does not match its fields)",
                "entry 4 is missing",
                "entry 5 does not follow the entry before it (that one was changed or removed)");
        assertThat(removed.intact()).isFalse();
    }

    @Test
    void aReadWhoseEntryCannotBeWrittenHandsOutNothing() throws Exception {
        String url = freshStore();
        String id = entry(STARTS.get(0)).record().id();
        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
            putAll(store, List.of(entry(STARTS.get(0))));
        }
        refuseAuditEntries(url);

        List<String> handedOut = new ArrayList<>();
        try (SessionStore store = StoreAddress.parse(url).openExisting(ByTests.AS)) {
            assertThatThrownBy(() -> store.recordBytes(id)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("audit entry");
            assertThatThrownBy(() -> store.eachRecord(all(), r -> handedOut.add(r.id())))
                    .isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.list(all())).isInstanceOf(StoreException.class);
            // and a write whose entry cannot be written is not written
            assertThatThrownBy(() -> putAll(store, List.of(entry(STARTS.get(1))))).isInstanceOf(StoreException.class);
        }
        assertThat(handedOut).isEmpty();
        asOwner(url, dropAuditRefusal());
        try (SessionStore store = StoreAddress.parse(url).openExisting(ByTests.AS)) {
            assertThat(store.list(all())).extracting(StoredSession::id).containsExactly(id);
        }
    }

    /** Undoes {@link #refuseAuditEntries}. */
    abstract String dropAuditRefusal();
}
