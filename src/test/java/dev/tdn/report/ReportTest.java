package dev.tdn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.Examples;
import dev.tdn.record.RecordJson;
import dev.tdn.record.RecordText;
import dev.tdn.record.SessionRecord;
import dev.tdn.store.ByTests;
import dev.tdn.store.Placement;
import dev.tdn.store.SessionQuery;
import dev.tdn.store.SessionStore;
import dev.tdn.store.StoreAddress;
import dev.tdn.store.StoreEntry;
import dev.tdn.store.StoreException;
import tools.jackson.databind.node.ObjectNode;

/** Each report as a table of sessions in (imported into a real store) and figures out. */
class ReportTest {

    @TempDir
    Path dir;

    /** An example as edited, under an id of its own unless the edit gives one: the store keys by id. */
    private static SessionRecord record(Path example, Consumer<ObjectNode> edit) {
        return RecordJson.mapper().readValue(RecordText.edited(example, r -> {
            r.put("id", UUID.randomUUID().toString());
            edit.accept(r);
        }), SessionRecord.class);
    }

    private static SessionRecord record(Path example) {
        return record(example, r -> { });
    }

    private static List<SessionRecord> examples() {
        return List.of(record(Examples.COMPLETED), record(Examples.ABORTED), record(Examples.NOT_DONE));
    }

    /** The report as the store answers it, over the records imported into a new SQLite file. */
    private <R extends Report> R fed(R report, List<SessionRecord> records) {
        Path file = dir.resolve(UUID.randomUUID() + ".db");
        try (SessionStore store = new StoreAddress.SqliteFile(file).open(ByTests.AS)) {
            try (SessionStore.Batch batch = store.batch(false)) {
                for (SessionRecord r : records) {
                    assertThat(batch.put(StoreEntry.of(r, RecordJson.mapper().writeValueAsBytes(r))))
                            .isEqualTo(Placement.IMPORTED);
                }
                batch.commit();
            }
            assertThat(store.count(new SessionQuery(null, null, null, null, null, true, 0), report.counts())).isEmpty();
        } catch (StoreException e) {
            throw new AssertionError(e);
        }
        return report;
    }

    private static String table(Report report) {
        StringWriter text = new StringWriter();
        report.printTable(new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    void adherenceCountsTimesAgainstTheWindowInForce() {
        Adherence.Figures f = fed(new Adherence(), examples()).json();

        assertThat(f.sessions()).isEqualTo(3);
        assertThat(f.sessionsByStatus()).containsEntry("completed", 1).containsEntry("aborted", 1).containsEntry("not-done", 1);
        assertThat(f.pointsNeedled()).isEqualTo(3);
        // 42.3 s in 30-60, 151.9 s in the extended 120-180, 22.0 s below 30
        assertThat(f.dwell()).isEqualTo(new Adherence.TimingFigures(3, 2, 1, 0));
        assertThat(f.extendedWindows()).isEqualTo(1);
        assertThat(f.compression()).isEqualTo(new Adherence.TimingFigures(3, 3, 0, 0));
        assertThat(f.deviations()).containsExactly(java.util.Map.entry("dwell below-minimum", 1));
        assertThat(f.sessionsWithDeviations()).isEqualTo(1);
        assertThat(f.needledSessions()).isEqualTo(2);
    }

    @Test
    void aTimeOnTheBoundIsInsideAndOnePastItIsNot() {
        Adherence.Figures f = fed(new Adherence(), List.of(
                record(Examples.COMPLETED, r -> {
                    ((ObjectNode) RecordText.point(r, 0).get("dwell")).put("seconds", 60.0);
                    ((ObjectNode) RecordText.point(r, 0).get("compression")).put("seconds", 30.0);
                    ((ObjectNode) RecordText.point(r, 1).get("dwell")).put("seconds", 180.1);
                    ((ObjectNode) RecordText.point(r, 1).get("compression")).put("seconds", 29.9);
                }))).json();

        assertThat(f.dwell()).isEqualTo(new Adherence.TimingFigures(2, 1, 0, 1));
        assertThat(f.compression()).isEqualTo(new Adherence.TimingFigures(2, 1, 1, 0));
    }

    @Test
    void needlesNotCountedOutAndHandsNotSanitizedAreFlagged() {
        Adherence.Figures f = fed(new Adherence(), List.of(
                record(Examples.ABORTED, r -> {
                    RecordText.point(r, 0).put("needlesRemoved", 0);
                    r.putNull("handsSanitizedAt");
                }),
                // screening stopped it: no needle, so no hand hygiene is owed
                record(Examples.NOT_DONE, r -> r.putNull("handsSanitizedAt")))).json();

        assertThat(f.needleCountMismatches()).isEqualTo(1);
        assertThat(f.needledSessions()).isEqualTo(1);
        assertThat(f.needledSessionsWithoutHandHygiene()).isEqualTo(1);
        assertThat(table(fed(new Adherence(), List.of(record(Examples.ABORTED, r -> r.putNull("handsSanitizedAt"))))))
                .contains("no hand hygiene recorded     1 of 1 (100.0%)");
    }

    @Test
    void billingGroupsByTheSessionsOwnMonthAndClinician() {
        BillingUnits report = fed(new BillingUnits(), List.of(
                record(Examples.COMPLETED),
                // 23:30 in Chicago on 30 November is December in UTC; the clinic's month is November
                record(Examples.COMPLETED, r -> r.put("startedAt", "2026-11-30T23:30:00-06:00")
                        .putObject("billing").put("musclesTreated", 3).put("cpt", "20561")),
                record(Examples.ABORTED),
                record(Examples.NOT_DONE),
                record(Examples.COMPLETED, r -> r.put("startedAt", "2026-12-01T08:00:00-06:00"))));

        assertThat(report.json()).containsExactly(
                new BillingUnits.Row("2026-11", "pt-0017", 1, 0, 0),
                new BillingUnits.Row("2026-11", "pt-0042", 1, 1, 1),
                new BillingUnits.Row("2026-12", "pt-0042", 1, 0, 0));
        assertThat(table(report)).contains("total                                   3       1        1");
    }

    @Test
    void adverseEventsAreAShareOfTheSessionsWithNeedling() {
        AdverseEvents.Figures f = fed(new AdverseEvents(), List.of(
                record(Examples.COMPLETED),
                record(Examples.ABORTED, r -> r.putArray("adverseEvents").add("dizziness").add("dizziness")),
                // fainting at the screening is real, but no share of needled sessions
                record(Examples.NOT_DONE, r -> r.putArray("adverseEvents").add("dizziness").add("nausea")))).json();

        assertThat(f.needledSessions()).isEqualTo(2);
        assertThat(f.sessionsWith()).containsEntry("soreness", 1).containsEntry("dizziness", 1)
                .containsEntry("nausea", 0).hasSize(9);
        assertThat(f.pointsNeedled()).isEqualTo(3);
        assertThat(f.pointsBleeding()).isEqualTo(1);
        assertThat(f.bandages()).isEqualTo(1);
    }

    @Test
    void progressFollowsOnePatientsVisitsInOrder() {
        Progress report = fed(new Progress(), List.of(
                record(Examples.COMPLETED),
                record(Examples.COMPLETED, r -> r.put("id", "0e3c1a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44")
                        .put("startedAt", "2026-12-03T14:03:11.204-06:00").put("painBefore", 4).put("painAfter", 2))));

        assertThat(report.json()).extracting(Progress.Visit::startedAt, Progress.Visit::painBefore, Progress.Visit::painAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-11-26T14:03:11.204-06:00", 6, 3),
                        org.assertj.core.groups.Tuple.tuple("2026-12-03T14:03:11.204-06:00", 4, 2));
        assertThat(report.json().get(0).muscles()).containsExactly("upper trapezius:left", "levator scapulae:right");
        assertThat(table(report)).contains("2 session(s); pain 6 before the first, 2 after the last");
    }
}
