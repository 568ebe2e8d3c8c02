package dev.tdn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.Examples;
import dev.tdn.json.DateTimeText;
import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Billing;
import dev.tdn.record.Deviation;
import dev.tdn.record.Point;
import dev.tdn.record.RecordJson;
import dev.tdn.record.RecordText;
import dev.tdn.record.SessionRecord;
import dev.tdn.record.Step;
import dev.tdn.store.ByTests;
import dev.tdn.store.PostgresServer;
import dev.tdn.store.SessionQuery;
import dev.tdn.store.SessionStore;
import dev.tdn.store.StoreAddress;
import dev.tdn.store.StoreEntry;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The store counts each report in SQL, over facts taken from each record when it was stored.
 * Here every report is also worked out the plain way, record by record in Java, from hundreds of
 * varied records (every status, missing answers, windows met, missed and the wrong way round,
 * needles left in, listed reactions repeated, months across offsets and years, muscles with odd
 * spacing and non-ASCII names), and the two must agree exactly, on SQLite and on PostgreSQL.
 */
class ReportsAgreeWithTheirRecordsTest {

    @TempDir
    Path dir;

    @Test
    void onSqlite() throws Exception {
        agree("jdbc:sqlite:" + dir.resolve("tdn.db"));
    }

    @Test
    void onPostgresql() throws Exception {
        assumeTrue(PostgresServer.binaries().isPresent(), "PostgreSQL server binaries (Debian's postgresql)");
        PostgresServer server = PostgresServer.shared();
        agree(server.url(server.freshDatabase("reports")));
    }

    private static void agree(String url) throws Exception {
        List<SessionRecord> records = varied(new Random(20261203), 400);
        try (SessionStore store = StoreAddress.parse(url).open(ByTests.AS)) {
            try (SessionStore.Batch batch = store.batch(false)) {
                for (SessionRecord r : records) {
                    batch.put(StoreEntry.of(r, RecordJson.mapper().writeValueAsBytes(r)));
                }
                batch.commit();
            }
            SessionQuery all = new SessionQuery(null, null, null, null, null, true, 0);
            assertThat(counted(store, all, new Adherence())).isEqualTo(adherence(records));
            assertThat(counted(store, all, new AdverseEvents())).isEqualTo(adverseEvents(records));
            assertThat(counted(store, all, new BillingUnits())).isEqualTo(billing(records));
            for (String patient : List.of("MRN-1", "MRN-2")) {
                List<SessionRecord> theirs = records.stream().filter(r -> r.patient().id().equals(patient))
                        .sorted(java.util.Comparator.comparing((SessionRecord r) -> r.startedAt().toInstant())
                                .thenComparing(SessionRecord::id))
                        .toList();
                assertThat(counted(store, new SessionQuery(patient, null, null, null, null, true, 0), new Progress()))
                        .isEqualTo(progress(theirs));
            }
            // a filter narrows the facts as it narrows the sessions
            List<SessionRecord> aborted = records.stream().filter(r -> r.status().json().equals("aborted")).toList();
            assertThat(counted(store, new SessionQuery(null, null, null, null, "aborted", true, 0), new Adherence()))
                    .isEqualTo(adherence(aborted));
        }
    }

    private static Object counted(SessionStore store, SessionQuery query, Report report) throws Exception {
        assertThat(store.count(query, report.counts())).isEmpty();
        return report.json();
    }

    // ---- the records ----

    private static final String[] STATUSES = {"completed", "aborted", "not-done", "recovered", "resumed"};
    private static final String[] MUSCLES = {"upper trapezius", "  levator scapulae ", "gluteus médius", "infraspinatus"};

    private static List<SessionRecord> varied(Random random, int count) {
        List<SessionRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = RecordText.edited(Examples.COMPLETED, r -> vary(r, random));
            out.add(RecordJson.mapper().readValue(text.getBytes(StandardCharsets.UTF_8), SessionRecord.class));
        }
        return out;
    }

    private static Object maybe(Random random, Object value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    private static void vary(ObjectNode r, Random random) {
        r.put("id", UUID.randomUUID().toString());
        r.put("status", STATUSES[random.nextInt(STATUSES.length)]);
        // months across offsets (a late evening west of UTC is the next month in UTC) and years
        String offset = random.nextBoolean() ? "-06:00" : "+09:30";
        r.put("startedAt", String.format("%d-%02d-%02dT%02d:%02d:11.204%s", 2025 + random.nextInt(3),
                1 + random.nextInt(12), random.nextBoolean() ? 1 : 28, random.nextInt(24),
                random.nextInt(60), offset));
        ((ObjectNode) r.get("clinician")).put("id", "pt-00" + random.nextInt(3));
        ((ObjectNode) r.get("patient")).put("id", "MRN-" + random.nextInt(3));
        Integer before = (Integer) maybe(random, random.nextInt(11));
        Integer after = (Integer) maybe(random, random.nextInt(11));
        r.put("painBefore", before);
        r.put("painAfter", after);
        if (random.nextInt(3) == 0) {
            r.putNull("handsSanitizedAt");
        }
        ObjectNode template = RecordText.point(r, 0).deepCopy();
        ArrayNode points = r.putArray("points");
        int n = random.nextInt(5);
        for (int k = 0; k < n; k++) {
            ObjectNode p = template.deepCopy();
            p.put("n", k + 1);
            p.put("muscle", MUSCLES[random.nextInt(MUSCLES.length)]);
            p.put("side", (String) maybe(random, random.nextBoolean() ? "left" : "right"));
            if (random.nextInt(4) == 0) {
                p.putNull("insertedAt");
            }
            double min = 30 * (1 + random.nextInt(4));
            double max = random.nextInt(8) == 0 ? min - 10 : min + 30 * random.nextInt(3);
            if (random.nextInt(4) == 0) {
                p.putNull("dwell");
            } else {
                ObjectNode d = p.putObject("dwell");
                // on a bound, just past one, well inside
                double seconds = switch (random.nextInt(4)) {
                    case 0 -> min;
                    case 1 -> max;
                    case 2 -> max + 0.1;
                    default -> min - 0.1 + random.nextInt(200) / 10.0;
                };
                d.put("seconds", seconds).put("minSeconds", min).put("maxSeconds", max)
                        .put("extended", random.nextBoolean()).put("pausedSeconds", 0.0);
            }
            if (random.nextInt(4) == 0) {
                p.putNull("compression");
            } else {
                p.putObject("compression").put("seconds", 25 + random.nextInt(40) + 0.5).put("minSeconds", 30.0)
                        .put("maxSeconds", 60.0);
            }
            int inserted = 1 + random.nextInt(3);
            p.put("needlesInserted", inserted).put("needlesRemoved", random.nextInt(inserted + 1));
            p.put("bleeding", (Boolean) maybe(random, random.nextBoolean()));
            p.put("bandage", (Boolean) maybe(random, random.nextBoolean()));
            points.add(p);
        }
        if (random.nextInt(5) == 0) {
            r.putNull("adverseEvents");
        } else {
            ArrayNode events = r.putArray("adverseEvents");
            for (int k = random.nextInt(4); k > 0; k--) {
                events.add(AdverseEvent.values()[random.nextInt(AdverseEvent.values().length)].json());
            }
        }
        ArrayNode deviations = r.putArray("deviations");
        for (int k = random.nextInt(3); k > 0; k--) {
            deviations.addObject().putNull("point")
                    .put("step", Step.values()[random.nextInt(Step.values().length)].json())
                    .put("rule", Deviation.Rule.values()[random.nextInt(Deviation.Rule.values().length)].json())
                    .put("detail", "d").put("reason", "r");
        }
        String[] cpts = {Billing.ONE_OR_TWO_MUSCLES, Billing.THREE_OR_MORE_MUSCLES, null};
        ((ObjectNode) r.get("billing")).put("cpt", cpts[random.nextInt(3)]);
    }

    // ---- each report worked out record by record, as its definition reads ----

    private static Adherence.Figures adherence(List<SessionRecord> records) {
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> deviations = new TreeMap<>();
        int[] dwell = new int[4];
        int[] compression = new int[4];
        int points = 0;
        int extended = 0;
        int mismatches = 0;
        int needledSessions = 0;
        int withoutHands = 0;
        int withDeviations = 0;
        for (SessionRecord r : records) {
            byStatus.merge(r.status().json(), 1, Integer::sum);
            boolean needled = false;
            for (Point p : r.points()) {
                if (p.insertedAt() == null) {
                    continue;
                }
                needled = true;
                points++;
                if (p.dwell() != null) {
                    timed(dwell, p.dwell().seconds(), p.dwell().minSeconds(), p.dwell().maxSeconds());
                    extended += p.dwell().extended() ? 1 : 0;
                }
                if (p.compression() != null) {
                    timed(compression, p.compression().seconds(), p.compression().minSeconds(),
                            p.compression().maxSeconds());
                }
                mismatches += p.needlesRemoved() != p.needlesInserted() ? 1 : 0;
            }
            if (needled) {
                needledSessions++;
                withoutHands += r.handsSanitizedAt() == null ? 1 : 0;
            }
            withDeviations += r.deviations().isEmpty() ? 0 : 1;
            r.deviations().forEach(d -> deviations.merge(d.step().json() + " " + d.rule().json(), 1, Integer::sum));
        }
        return new Adherence.Figures(records.size(), byStatus, points,
                new Adherence.TimingFigures(dwell[0], dwell[1], dwell[2], dwell[3]), extended,
                new Adherence.TimingFigures(compression[0], compression[1], compression[2], compression[3]), mismatches,
                needledSessions, withoutHands, withDeviations, deviations);
    }

    /** timed, inside, below, above: below first, so a window the wrong way round counts a time once. */
    private static void timed(int[] t, double seconds, double min, double max) {
        t[0]++;
        t[seconds < min ? 2 : seconds > max ? 3 : 1]++;
    }

    private static AdverseEvents.Figures adverseEvents(List<SessionRecord> records) {
        Map<AdverseEvent, Integer> with = new EnumMap<>(AdverseEvent.class);
        int sessions = 0;
        int points = 0;
        int bleeding = 0;
        int bandages = 0;
        for (SessionRecord r : records) {
            boolean needled = false;
            for (Point p : r.points()) {
                if (p.insertedAt() != null) {
                    needled = true;
                    points++;
                    bleeding += Boolean.TRUE.equals(p.bleeding()) ? 1 : 0;
                    bandages += Boolean.TRUE.equals(p.bandage()) ? 1 : 0;
                }
            }
            if (needled) {
                sessions++;
                if (r.adverseEvents() != null) {
                    r.adverseEvents().stream().distinct().forEach(e -> with.merge(e, 1, Integer::sum));
                }
            }
        }
        Map<String, Integer> shown = new LinkedHashMap<>();
        for (AdverseEvent e : AdverseEvent.values()) {
            shown.put(e.json(), with.getOrDefault(e, 0));
        }
        return new AdverseEvents.Figures(sessions, shown, points, bleeding, bandages);
    }

    private static List<BillingUnits.Row> billing(List<SessionRecord> records) {
        Map<String, Map<String, int[]>> rows = new TreeMap<>();
        for (SessionRecord r : records) {
            int[] c = rows.computeIfAbsent(YearMonth.from(r.startedAt()).toString(), m -> new TreeMap<>())
                    .computeIfAbsent(r.clinician().id(), x -> new int[3]);
            String cpt = r.billing().cpt();
            c[Billing.ONE_OR_TWO_MUSCLES.equals(cpt) ? 0 : Billing.THREE_OR_MORE_MUSCLES.equals(cpt) ? 1 : 2]++;
        }
        List<BillingUnits.Row> out = new ArrayList<>();
        rows.forEach((month, byClinician) -> byClinician.forEach(
                (clinician, c) -> out.add(new BillingUnits.Row(month, clinician, c[0], c[1], c[2]))));
        return out;
    }

    private static List<Progress.Visit> progress(List<SessionRecord> records) {
        List<Progress.Visit> out = new ArrayList<>();
        for (SessionRecord r : records) {
            Set<String> muscles = new LinkedHashSet<>();
            for (Point p : r.points()) {
                if (p.insertedAt() != null) {
                    muscles.add(p.muscle().strip() + (p.side() == null ? "" : ":" + p.side().json()));
                }
            }
            out.add(new Progress.Visit(r.id(), DateTimeText.format(r.startedAt()), r.status().json(),
                    List.copyOf(muscles), r.painBefore(), r.painAfter()));
        }
        return out;
    }
}
