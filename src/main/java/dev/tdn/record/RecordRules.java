package dev.tdn.record;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tdn.json.JsonPath;
import dev.tdn.json.Violation;

/**
 * The rules of DESIGN 2 that JSON Schema cannot say: they relate one field to another. Run on a
 * record that already matches the schema, so every field has its type.
 */
public final class RecordRules {

    public static final String TIMES_ORDERED = "times-ordered";
    public static final String POINTS_NUMBERED = "points-numbered";
    public static final String WINDOW_ORDER = "window-order";
    public static final String DEVIATION_TARGET = "deviation-target";
    public static final String BILLING_AGREES = "billing-agrees";
    public static final String NEEDLES_BALANCED = "needles-balanced";
    public static final String EVENTS_SEQUENCED = "events-sequenced";
    public static final String SCREENING_CONSISTENT = "screening-consistent";
    public static final String COMPLETED_IS_COMPLETE = "completed-is-complete";
    public static final String EXTENSION_NEEDS_WEAK_TWITCH = "extension-needs-weak-twitch";

    private static final JsonPath ROOT = JsonPath.ROOT;

    private final SessionRecord r;
    private final List<Violation> found = new ArrayList<>();

    private RecordRules(SessionRecord r) {
        this.r = r;
    }

    public static List<Violation> check(SessionRecord record) {
        RecordRules rules = new RecordRules(record);
        rules.timesOrdered();
        rules.pointsNumbered();
        rules.windowsOrdered();
        rules.deviationsTargetRealSteps();
        rules.billingAgrees();
        rules.needlesBalanced();
        rules.eventsSequenced();
        rules.screeningConsistent();
        rules.completedIsComplete();
        rules.extensionNeedsWeakTwitch();
        return List.copyOf(rules.found);
    }

    private void fail(JsonPath path, String rule, String message) {
        found.add(new Violation(path, rule, message));
    }

    private void timesOrdered() {
        if (r.endedAt().isBefore(r.startedAt())) {
            fail(ROOT.field("endedAt"), TIMES_ORDERED, "session ends before it starts");
        }
        for (int i = 0; i < r.sitePrep().size(); i++) {
            withinSession(ROOT.field("sitePrep").index(i).field("at"), r.sitePrep().get(i).at());
        }
        OffsetDateTime previousInsertion = null;
        for (int i = 0; i < r.points().size(); i++) {
            Point p = r.points().get(i);
            JsonPath at = ROOT.field("points").index(i);
            withinSession(at.field("insertedAt"), p.insertedAt());
            withinSession(at.field("removedAt"), p.removedAt());
            withinSession(at.field("siteCleansedAt"), p.siteCleansedAt());
            notBefore(at.field("removedAt"), p.removedAt(), p.insertedAt(), "needle removed before it was inserted");
            notBefore(at.field("siteCleansedAt"), p.siteCleansedAt(), p.removedAt(), "site cleansed before the needle was removed");
            notBefore(at.field("insertedAt"), p.insertedAt(), previousInsertion, "point inserted before the previous point");
            if (p.insertedAt() != null) {
                previousInsertion = p.insertedAt();
            }
            for (int d = 0; d < p.discomfort().size(); d++) {
                withinSession(at.field("discomfort").index(d).field("at"), p.discomfort().get(d).at());
            }
        }
        withinSession(ROOT.field("handsSanitizedAt"), r.handsSanitizedAt());
        OffsetDateTime previousEvent = null;
        for (int i = 0; i < r.events().size(); i++) {
            JsonPath at = ROOT.field("events").index(i).field("at");
            OffsetDateTime t = r.events().get(i).at();
            withinSession(at, t);
            notBefore(at, t, previousEvent, "event earlier than the event before it");
            previousEvent = t;
        }
    }

    private void withinSession(JsonPath path, OffsetDateTime t) {
        if (t != null && (t.isBefore(r.startedAt()) || t.isAfter(r.endedAt()))) {
            fail(path, TIMES_ORDERED, "time lies outside the session (startedAt to endedAt)");
        }
    }

    private void notBefore(JsonPath path, OffsetDateTime t, OffsetDateTime earliest, String message) {
        if (t != null && earliest != null && t.isBefore(earliest)) {
            fail(path, TIMES_ORDERED, message);
        }
    }

    private void pointsNumbered() {
        for (int i = 0; i < r.points().size(); i++) {
            if (r.points().get(i).n() != i + 1) {
                fail(ROOT.field("points").index(i).field("n"), POINTS_NUMBERED,
                        "points must be numbered 1, 2, 3... in order; expected " + (i + 1) + " here");
            }
        }
    }

    private void windowsOrdered() {
        for (int i = 0; i < r.points().size(); i++) {
            Point p = r.points().get(i);
            JsonPath at = ROOT.field("points").index(i);
            if (p.dwell() != null && p.dwell().minSeconds() > p.dwell().maxSeconds()) {
                fail(at.field("dwell").field("minSeconds"), WINDOW_ORDER, "dwell window minimum is above its maximum");
            }
            if (p.compression() != null && p.compression().minSeconds() > p.compression().maxSeconds()) {
                fail(at.field("compression").field("minSeconds"), WINDOW_ORDER,
                        "compression window minimum is above its maximum");
            }
        }
    }

    private void deviationsTargetRealSteps() {
        for (int i = 0; i < r.deviations().size(); i++) {
            Deviation d = r.deviations().get(i);
            JsonPath at = ROOT.field("deviations").index(i).field("point");
            if (d.step().perPoint() && d.point() == null) {
                fail(at, DEVIATION_TARGET, "step '" + d.step().json() + "' happens per point, so the deviation must name its point");
            } else if (!d.step().perPoint() && d.point() != null) {
                fail(at, DEVIATION_TARGET, "step '" + d.step().json() + "' belongs to the whole session, so point must be null");
            } else if (d.point() != null && d.point() > r.points().size()) {
                fail(at, DEVIATION_TARGET, "refers to a point the record does not have (it has "
                        + r.points().size() + ")");
            }
        }
    }

    private void billingAgrees() {
        Billing expected = Billing.forPoints(r.points());
        if (r.billing().musclesTreated() != expected.musclesTreated()) {
            fail(ROOT.field("billing").field("musclesTreated"), BILLING_AGREES,
                    "the needled points are in " + expected.musclesTreated()
                            + " muscle(s), each whole muscle counted once per side");
        } else if (!Objects.equals(r.billing().cpt(), expected.cpt())) {
            fail(ROOT.field("billing").field("cpt"), BILLING_AGREES, expected.cpt() == null
                    ? "no muscle was treated, so cpt must be null"
                    : expected.musclesTreated() + " muscle(s) imply CPT " + expected.cpt());
        }
    }

    private void needlesBalanced() {
        for (int i = 0; i < r.points().size(); i++) {
            Point p = r.points().get(i);
            JsonPath at = ROOT.field("points").index(i).field("needlesRemoved");
            if (p.needlesRemoved() > p.needlesInserted()) {
                fail(at, NEEDLES_BALANCED, "more needles removed than inserted");
            } else if (finished(r) && p.needlesRemoved() != p.needlesInserted()) {
                fail(at, NEEDLES_BALANCED, "a completed session must remove every needle it inserted");
            }
        }
    }

    private void eventsSequenced() {
        double previousElapsed = 0;
        for (int i = 0; i < r.events().size(); i++) {
            Event e = r.events().get(i);
            JsonPath at = ROOT.field("events").index(i);
            if (e.seq() != i + 1) {
                fail(at.field("seq"), EVENTS_SEQUENCED, "events must be numbered 1, 2, 3... in order; expected " + (i + 1));
            }
            if (e.elapsedSeconds() < previousElapsed) {
                fail(at.field("elapsedSeconds"), EVENTS_SEQUENCED, "elapsed time goes backwards");
            }
            if (e.point() != null && e.point() > r.points().size()) {
                fail(at.field("point"), EVENTS_SEQUENCED, "refers to a point the record does not have");
            }
            previousElapsed = Math.max(previousElapsed, e.elapsedSeconds());
        }
    }

    private void screeningConsistent() {
        Screening s = r.screening();
        JsonPath at = ROOT.field("screening").field("cleared");
        boolean contraindicated = s.answers().stream()
                .anyMatch(a -> a.kind() == ScreeningAnswer.Kind.ABSOLUTE && a.answer());
        if (s.cleared() && (!Boolean.TRUE.equals(s.consent()) || !Boolean.TRUE.equals(s.scopeConfirmed())
                || contraindicated)) {
            fail(at, SCREENING_CONSISTENT,
                    "cleared needs consent, confirmed scope of practice and no absolute contraindication");
        }
        if (!s.cleared() && !r.points().isEmpty()) {
            fail(ROOT.field("points"), SCREENING_CONSISTENT, "screening did not clear the patient, yet points were needled");
        }
        if (r.status() == Status.NOT_DONE && s.cleared()) {
            fail(at, SCREENING_CONSISTENT, "a not-done session is one that screening did not clear");
        }
    }

    /** Completed, or resumed after an outage and then completed: every step was done. */
    private static boolean finished(SessionRecord r) {
        return r.status() == Status.COMPLETED || r.status() == Status.RESUMED;
    }

    private void completedIsComplete() {
        if (!finished(r)) {
            return;
        }
        if (r.points().isEmpty()) {
            fail(ROOT.field("points"), COMPLETED_IS_COMPLETE, "a completed session treats at least one point");
        }
        for (int i = 0; i < r.points().size(); i++) {
            Point p = r.points().get(i);
            JsonPath at = ROOT.field("points").index(i);
            String missing = p.insertedAt() == null ? "insertedAt"
                    : p.technique() == null ? "technique"
                    : p.twitch() == null ? "twitch"
                    : p.dwell() == null ? "dwell"
                    : p.removedAt() == null ? "removedAt"
                    : p.siteCleansedAt() == null ? "siteCleansedAt"
                    : p.compression() == null ? "compression" : null;
            if (missing != null) {
                fail(at.field(missing), COMPLETED_IS_COMPLETE, "a completed session records every step of every point");
            }
        }
        for (int i = 0; i < r.points().size(); i++) {
            Point p = r.points().get(i);
            JsonPath at = ROOT.field("points").index(i);
            String unknown = p.palpation() == null || p.palpation().reproducesPain() == null
                    ? "palpation" : p.palpation().referredPain() == null ? "palpation"
                    : p.electricalStimulation() == null ? "electricalStimulation"
                    : p.bleeding() == null ? "bleeding"
                    : p.bleeding() && p.bandage() == null ? "bandage" : null;
            if (unknown != null) {
                fail(at.field(unknown), COMPLETED_IS_COMPLETE, "a completed session answers every question of every point");
            }
        }
        if (r.adverseEvents() == null || r.aftercareGiven() == null) {
            fail(ROOT.field(r.adverseEvents() == null ? "adverseEvents" : "aftercareGiven"), COMPLETED_IS_COMPLETE,
                    "a completed session answers every closing question");
        }
        if (r.handsSanitizedAt() == null) {
            fail(ROOT.field("handsSanitizedAt"), COMPLETED_IS_COMPLETE, "a completed session records hand hygiene");
        }
    }

    private void extensionNeedsWeakTwitch() {
        for (int i = 0; i < r.points().size(); i++) {
            Point p = r.points().get(i);
            if (p.dwell() != null && p.dwell().extended() && p.twitch() != Twitch.WEAK) {
                fail(ROOT.field("points").index(i).field("dwell").field("extended"), EXTENSION_NEEDS_WEAK_TWITCH,
                        "only a weak twitch extends the dwell window");
            }
        }
    }
}
