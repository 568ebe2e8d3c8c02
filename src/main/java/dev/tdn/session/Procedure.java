package dev.tdn.session;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import dev.tdn.protocol.PrepItem;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ScreeningItem;
import dev.tdn.protocol.Window;
import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Billing;
import dev.tdn.record.Compression;
import dev.tdn.record.Deviation;
import dev.tdn.record.Discomfort;
import dev.tdn.record.Dwell;
import dev.tdn.record.Event;
import dev.tdn.record.Palpation;
import dev.tdn.record.Point;
import dev.tdn.record.ScreeningAnswer;
import dev.tdn.record.SessionRecord;
import dev.tdn.record.SitePrepItem;
import dev.tdn.record.Software;
import dev.tdn.record.Status;
import dev.tdn.record.Step;
import dev.tdn.record.Twitch;

/**
 * The protocol walked so far: every clinical rule of the engine, applied to one input at a time
 * at the elapsed instant it was taken. {@link Session} owns the clock, the event log and the
 * history of inputs; it builds a new Procedure from that history when an input is undone, so
 * what an undone input did is gone from the state as if it had never been given.
 */
final class Procedure {

    private final SessionSetup setup;
    private final Protocol protocol;
    private final OffsetDateTime startedAt;
    private final EventLog log;

    private Stage stage = Stage.CONSENT;
    /** Null until asked: a session that ends before a question never answered it. */
    private Boolean consent;
    private Boolean scopeConfirmed;
    private boolean cleared;
    private int screeningIndex;
    private final List<ScreeningAnswer> answers = new ArrayList<>();
    /** Precautions answered "yes" that still wait for the clinician's go-ahead, in checklist order. */
    private final Deque<ScreeningItem> precautionsToConfirm = new ArrayDeque<>();
    private Integer painBefore;
    private int prepIndex;
    private final List<SitePrepItem> sitePrep = new ArrayList<>();
    private final List<PointDraft> points = new ArrayList<>();
    private final List<Deviation> deviations = new ArrayList<>();
    private OffsetDateTime handsSanitizedAt;
    private Integer painAfter;
    private List<AdverseEvent> adverseEvents;
    private Boolean aftercareGiven;
    /** The next point's muscle, named; the point exists once its side is given. */
    private NamedMuscle named;
    private String notes = "";
    private Status status;
    private OffsetDateTime endedAt;
    /** Outages a resume spanned, as [start, end) elapsed nanos: what timers across them estimated. */
    private final List<long[]> outages = new ArrayList<>();
    /** A deviation waiting for the clinician's reason. */
    private Deviation pendingDeviation;
    /** Elapsed nanos of the input being applied. */
    private long now;

    Procedure(SessionSetup setup, OffsetDateTime startedAt, EventLog log) {
        this.setup = setup;
        this.protocol = setup.protocol();
        this.startedAt = startedAt;
        this.log = log;
    }

    Stage stage() {
        return stage;
    }

    /**
     * The screening question now asked: in {@link Stage#SCREENING} the next unanswered item, in
     * {@link Stage#PRECAUTION} the precaution waiting for its go-ahead.
     */
    Optional<ScreeningItem> screeningItem() {
        if (stage == Stage.PRECAUTION) {
            return Optional.ofNullable(precautionsToConfirm.peekFirst());
        }
        return screeningIndex < protocol.screening().size()
                ? Optional.of(protocol.screening().get(screeningIndex)) : Optional.empty();
    }

    /** The screening items not answered yet, in protocol order. */
    List<ScreeningItem> screeningLeft() {
        return protocol.screening().subList(Math.min(screeningIndex, protocol.screening().size()),
                protocol.screening().size());
    }

    Optional<PrepItem> prepItem() {
        return prepIndex < protocol.sitePrep().size()
                ? Optional.of(protocol.sitePrep().get(prepIndex)) : Optional.empty();
    }

    Optional<Point> currentPoint() {
        // at SIDE the new point does not exist yet: the last one in the list is the one before
        return points.isEmpty() || stage.compareTo(Stage.SIDE) <= 0 || stage.compareTo(Stage.ANOTHER_POINT) > 0
                ? Optional.empty() : Optional.of(current().toPoint());
    }

    /** The muscle named for the next point, while its side is asked. */
    Optional<String> namedMuscle() {
        return stage == Stage.SIDE ? Optional.of(named.name()) : Optional.empty();
    }

    int pointsSoFar() {
        return points.size();
    }

    int needlesIn() {
        return points.isEmpty() ? 0 : current().needlesInserted - current().needlesRemoved;
    }

    /** The running timer at elapsed instant {@code t}, if a timed step is in progress. */
    Optional<TimerView> timer(long t) {
        if (stage == Stage.DWELL) {
            PointDraft p = current();
            return Optional.of(new TimerView(TimerView.Kind.DWELL, p.n, seconds(p.dwellNanos(t)), p.dwellWindow,
                    p.extended, p.paused()));
        }
        if (stage == Stage.COMPRESSION) {
            PointDraft p = current();
            return Optional.of(new TimerView(TimerView.Kind.COMPRESSION, p.n, seconds(t - p.compressionStartTick),
                    protocol.windows().compression(), false, false));
        }
        return Optional.empty();
    }

    /** Applies one input taken at elapsed {@code at}; returns why it was refused, or null. A refusal changes nothing. */
    String apply(Input input, long at) {
        if (stage == Stage.ENDED) {
            return "the session has ended";
        }
        now = at;
        return dispatch(input);
    }

    private String dispatch(Input input) {
        if (input instanceof Input.Aborted a) {
            return abort(a);
        }
        if (input instanceof Input.DiscomfortSeen d) {
            return discomfort(d);
        }
        if (input instanceof Input.SessionResumed r) {
            return resumed(r);
        }
        return switch (stage) {
            case CONSENT -> input instanceof Input.Consent c ? consent(c) : expected("consent");
            case SCOPE -> input instanceof Input.Scope s ? scope(s) : expected("scope of practice");
            case SCREENING -> input instanceof Input.ScreeningChecked c ? checklist(c)
                    : input instanceof Input.ScreeningAnswered s ? screening(s) : expected("the screening answers");
            case PRECAUTION -> input instanceof Input.PrecautionConfirmed p ? precaution(p)
                    : expected("confirmation of the precaution");
            case PAIN_BEFORE -> input instanceof Input.PainBefore p ? painBefore(p) : expected("pain before (0-10)");
            case SITE_PREP -> input instanceof Input.SitePrepChecked c ? prep(c) : expected("the site-prep check");
            case IDENTIFY -> input instanceof Input.MuscleNamed m ? name(m)
                    : input instanceof Input.PointIdentified p ? identify(p) : expected("the trigger point's muscle");
            case SIDE -> input instanceof Input.SideGiven s ? side(s) : expected("the side of the body");
            case LOCATION -> input instanceof Input.LocationGiven l ? location(l) : expected("the location, or none");
            case PALPATION -> input instanceof Input.PainReproduced r ? reproduced(r)
                    : expected("whether pressure reproduces the pain");
            case REFERRAL -> input instanceof Input.PainReferred r ? referred(r) : expected("whether the pain is referred");
            case INSERT -> input instanceof Input.NeedleInserted n ? insert(n) : expected("needle insertion");
            case DWELL -> dwell(input);
            case TWITCH -> input instanceof Input.TwitchMarked t ? lateTwitch(t) : expected("the twitch response");
            case DWELL_REASON, COMPRESSION_REASON -> input instanceof Input.Reason r ? reason(r)
                    : expected("the reason for ending outside the window");
            case REMOVE -> input instanceof Input.NeedlesRemoved r ? removeRest(r) : expected("the remaining needles out");
            case CLEANSE -> input instanceof Input.SiteCleansed ? cleanse() : expected("the site cleansed");
            case COMPRESSION_READY -> input instanceof Input.CompressionStarted ? startCompression()
                    : expected("compression to start");
            case COMPRESSION -> input instanceof Input.CompressionEnded ? endCompression()
                    : expected("compression to end");
            case BLEEDING -> input instanceof Input.BleedingSeen b ? bleedingSeen(b)
                    : input instanceof Input.Bleeding b ? bleeding(b) : expected("bleeding or not");
            case BANDAGE -> input instanceof Input.BandageApplied b ? bandage(b) : expected("a bandage or not");
            case ANOTHER_POINT -> input instanceof Input.AnotherPoint a ? another(a) : expected("another point or not");
            case HANDS -> input instanceof Input.HandsSanitized ? hands() : expected("hands sanitized");
            case CLOSE -> input instanceof Input.PainAfter p ? painAfter(p)
                    : input instanceof Input.Closed c ? close(c) : expected("pain after (0-10)");
            case ADVERSE_EVENTS -> input instanceof Input.AdverseEventsNoted a ? adverse(a) : expected("the adverse events");
            case AFTERCARE -> input instanceof Input.AftercareGiven a ? aftercare(a) : expected("aftercare given or not");
            case NOTES -> input instanceof Input.NotesGiven n ? notes(n) : expected("the notes");
            case ENDED -> "the session has ended";
        };
    }

    private static String expected(String what) {
        return "not now: waiting for " + what;
    }

    // --- screening

    private String consent(Input.Consent c) {
        consent = c.given();
        event(c.given() ? "consent.given" : "consent.refused", null, null);
        if (!c.given()) {
            notDone("consent");
            return null;
        }
        stage = Stage.SCOPE;
        return null;
    }

    private String scope(Input.Scope s) {
        scopeConfirmed = s.confirmed();
        event(s.confirmed() ? "scope.confirmed" : "scope.not-confirmed", null, null);
        if (!s.confirmed()) {
            notDone("scope");
            return null;
        }
        nextScreeningItem();
        return null;
    }

    private String screening(Input.ScreeningAnswered s) {
        ScreeningItem item = protocol.screening().get(screeningIndex);
        if (!item.id().equals(s.item())) {
            return "not now: the question is '" + item.id() + "'";
        }
        screeningIndex++;
        answer(item, s.yes());
        settleScreening();
        return null;
    }

    /**
     * The checklist: every item not yet answered is answered at once, "yes" for those named and
     * "no" for the rest. Each answer is still recorded on its own, in protocol order.
     */
    private String checklist(Input.ScreeningChecked c) {
        List<ScreeningItem> left = screeningLeft();
        for (String id : c.yes()) {
            if (left.stream().noneMatch(i -> i.id().equals(id))) {
                return "not a screening question still to answer: '" + id + "'";
            }
        }
        screeningIndex = protocol.screening().size();
        for (ScreeningItem item : left) {
            answer(item, c.yes().contains(item.id()));
        }
        settleScreening();
        return null;
    }

    private void answer(ScreeningItem item, boolean yes) {
        answers.add(new ScreeningAnswer(item.id(), item.kind(), yes));
        event("screening.answered", null, item.id() + (yes ? "=yes" : "=no"));
        if (yes && item.kind() == ScreeningAnswer.Kind.PRECAUTION) {
            precautionsToConfirm.addLast(item);
        }
    }

    /** An absolute contraindication ends it; a precaution waits for its go-ahead; else on to the next. */
    private void settleScreening() {
        answers.stream().filter(a -> a.answer() && a.kind() == ScreeningAnswer.Kind.ABSOLUTE).findFirst()
                .ifPresentOrElse(a -> notDone(a.item()), () -> {
                    if (precautionsToConfirm.isEmpty()) {
                        nextScreeningItem();
                    } else {
                        stage = Stage.PRECAUTION;
                    }
                });
    }

    private String precaution(Input.PrecautionConfirmed p) {
        ScreeningItem item = precautionsToConfirm.peekFirst();
        if (!item.id().equals(p.item())) {
            return "not now: the precaution is '" + item.id() + "'";
        }
        event(p.proceed() ? "precaution.accepted" : "precaution.declined", null, item.id());
        if (!p.proceed()) {
            notDone(item.id());
            return null;
        }
        precautionsToConfirm.removeFirst();
        settleScreening();
        return null;
    }

    private void nextScreeningItem() {
        if (screeningIndex < protocol.screening().size()) {
            stage = Stage.SCREENING;
            return;
        }
        cleared = true;
        event("screening.cleared", null, null);
        stage = Stage.PAIN_BEFORE;
    }

    private void notDone(String why) {
        event("session.not-done", null, why);
        end(Status.NOT_DONE);
    }

    private String painBefore(Input.PainBefore p) {
        if (p.score() != null && (p.score() < 0 || p.score() > 10)) {
            return "pain is 0 to 10";
        }
        painBefore = p.score();
        event("pain.before", null, p.score() == null ? "not asked" : p.score().toString());
        stage = protocol.sitePrep().isEmpty() ? Stage.IDENTIFY : Stage.SITE_PREP;
        return null;
    }

    private String prep(Input.SitePrepChecked c) {
        PrepItem item = protocol.sitePrep().get(prepIndex);
        if (!item.id().equals(c.item())) {
            return "not now: the check is '" + item.id() + "'";
        }
        sitePrep.add(new SitePrepItem(item.id(), item.label(), at()));
        event("siteprep.checked", null, item.id());
        prepIndex++;
        if (prepIndex == protocol.sitePrep().size()) {
            stage = Stage.IDENTIFY;
        }
        return null;
    }

    // --- one trigger point

    private String identify(Input.PointIdentified p) {
        if (p.muscle() == null || p.muscle().isBlank()) {
            return "name the muscle";
        }
        if (p.muscle().strip().length() > 100 || (p.location() != null && p.location().length() > 200)) {
            return "muscle is at most 100 characters, location at most 200";
        }
        if (points.size() == 200) {
            return "a session holds at most 200 points";
        }
        String location = p.location() == null || p.location().isBlank() ? null : p.location().strip();
        PointDraft draft = new PointDraft(points.size() + 1, NamedMuscle.typed(p.muscle()), p.side(), location,
                new Palpation(p.reproducesPain(), p.referredPain()), setup.needle());
        points.add(draft);
        event("point.identified", draft.n, draft.muscle.name());
        stage = Stage.INSERT;
        return null;
    }

    private String name(Input.MuscleNamed m) {
        if (m.muscle() == null || m.muscle().isBlank()) {
            return "name the muscle";
        }
        if (m.muscle().strip().length() > 100) {
            return "muscle is at most 100 characters";
        }
        if (points.size() == 200) {
            return "a session holds at most 200 points";
        }
        named = NamedMuscle.typed(m.muscle());
        // no point yet: its number goes in the detail, so the event refers to no point the record lacks
        event("point.named", null, "point " + (points.size() + 1) + ": " + named.name());
        stage = Stage.SIDE;
        return null;
    }

    private String side(Input.SideGiven s) {
        PointDraft draft = new PointDraft(points.size() + 1, named, s.side(), null, null, setup.needle());
        points.add(draft);
        event("point.identified", draft.n, draft.muscle.name());
        stage = Stage.LOCATION;
        return null;
    }

    private String location(Input.LocationGiven l) {
        if (l.location() != null && l.location().length() > 200) {
            return "location is at most 200 characters";
        }
        current().location = l.location() == null || l.location().isBlank() ? null : l.location().strip();
        stage = Stage.PALPATION;
        return null;
    }

    private String reproduced(Input.PainReproduced r) {
        current().reproducesPain = r.reproduces();
        stage = Stage.REFERRAL;
        return null;
    }

    private String referred(Input.PainReferred r) {
        current().referredPain = r.referred();
        event("point.palpated", current().n, null);
        stage = Stage.INSERT;
        return null;
    }

    private String insert(Input.NeedleInserted n) {
        if (n.needles() < 1 || n.needles() > 20) {
            return "needles inserted is 1 to 20";
        }
        if (n.depthMm() < 0 || n.depthMm() > 200 || n.technique() == null) {
            return "depth is 0 to 200 mm, and the technique static or dynamic";
        }
        PointDraft p = current();
        p.needlesInserted = n.needles();
        p.depthMm = n.depthMm();
        p.technique = n.technique();
        p.stimulationOn = n.electricalStimulation();
        p.electricalStimulation = n.electricalStimulation();
        p.insertedAt = at();
        p.insertedTick = now;
        p.dwellWindow = protocol.windows().dwell();
        event("needle.inserted", p.n, n.needles() == 1 ? null : n.needles() + " needles");
        stage = Stage.DWELL;
        return null;
    }

    private String dwell(Input input) {
        PointDraft p = current();
        if (input instanceof Input.TwitchMarked t) {
            return twitch(p, t.twitch());
        }
        if (input instanceof Input.StimulationToggled) {
            p.stimulationOn = !p.stimulationOn;
            p.electricalStimulation |= p.stimulationOn;
            event(p.stimulationOn ? "stimulation.on" : "stimulation.off", p.n, null);
            return null;
        }
        if (input instanceof Input.Paused) {
            if (p.paused()) {
                return "already paused";
            }
            p.pauseStartTick = now;
            event("dwell.paused", p.n, null);
            return null;
        }
        if (input instanceof Input.Resumed) {
            if (!p.paused()) {
                return "not paused";
            }
            resume(p);
            return null;
        }
        if (input instanceof Input.NeedlesRemoved r) {
            return endDwell(p, r);
        }
        return expected("the twitch response, or the needle out");
    }

    private String twitch(PointDraft p, Twitch t) {
        if (t == null) {
            return "the twitch is strong, weak or none";
        }
        p.twitch = t;
        event("twitch.marked", p.n, t.json());
        // a weak response needs the longer window; correcting the mark switches back
        boolean extend = t == Twitch.WEAK;
        if (extend != p.extended) {
            p.extended = extend;
            p.dwellWindow = extend ? protocol.windows().weakTwitchDwell() : protocol.windows().dwell();
            event(extend ? "dwell.extended" : "dwell.standard", p.n, "window " + p.dwellWindow.describe());
        }
        return null;
    }

    private void resume(PointDraft p) {
        p.pausedNanos += now - p.pauseStartTick;
        p.pauseStartTick = -1;
        event("dwell.resumed", p.n, null);
    }

    private String endDwell(PointDraft p, Input.NeedlesRemoved r) {
        String countProblem = removable(p, r.count());
        if (countProblem != null) {
            return countProblem;
        }
        if (p.paused()) {
            resume(p);
        }
        p.dwellEndNanos = p.dwellNanos(now);
        p.removedTick = now;
        p.removedAt = at();
        if (p.stimulationOn) {
            p.stimulationOn = false;
            event("stimulation.off", p.n, null);
        }
        p.needlesRemoved += r.count();
        event("needles.removed", p.n, removedDetail(p, r.count()));
        if (p.twitch == null) {
            stage = Stage.TWITCH;
        } else {
            judgeDwell(p);
        }
        return null;
    }

    private String lateTwitch(Input.TwitchMarked t) {
        PointDraft p = current();
        String problem = twitch(p, t.twitch());
        if (problem == null) {
            judgeDwell(p);
        }
        return problem;
    }

    /** Judged once the twitch is known, since a weak twitch decides which window applies. */
    private void judgeDwell(PointDraft p) {
        double seconds = seconds(p.dwellEndNanos);
        Window window = p.dwellWindow;
        p.dwell = new Dwell(seconds, window.minSeconds(), window.maxSeconds(), p.extended, seconds(p.pausedNanos),
                estimated(p.insertedTick, p.removedTick));
        Deviation.Rule broken = broken(window, seconds);
        if (broken != null) {
            pendingDeviation = new Deviation(p.n, Step.DWELL, broken,
                    "needle removed at " + format(seconds) + " s; window " + window.describe(), null);
            stage = Stage.DWELL_REASON;
        } else {
            afterRemoval(p);
        }
    }

    private String reason(Input.Reason r) {
        String text = clean(r.text());
        if (text == null) {
            return "give a short reason";
        }
        if (text.length() > Session.MAX_TEXT) {
            return "the reason is at most " + Session.MAX_TEXT + " characters";
        }
        Deviation d = pendingDeviation;
        deviation(d.point(), d.step(), d.rule(), d.detail(), text);
        pendingDeviation = null;
        if (stage == Stage.DWELL_REASON) {
            afterRemoval(current());
        } else {
            stage = Stage.BLEEDING;
        }
        return null;
    }

    private void afterRemoval(PointDraft p) {
        stage = p.needlesRemoved < p.needlesInserted ? Stage.REMOVE : Stage.CLEANSE;
    }

    private String removeRest(Input.NeedlesRemoved r) {
        PointDraft p = current();
        String countProblem = removable(p, r.count());
        if (countProblem != null) {
            return countProblem;
        }
        p.needlesRemoved += r.count();
        event("needles.removed", p.n, removedDetail(p, r.count()));
        afterRemoval(p);
        return null;
    }

    private static String removable(PointDraft p, int count) {
        int in = p.needlesInserted - p.needlesRemoved;
        if (count < 1 || count > in) {
            return in == 1 ? "1 needle is in" : in + " needles are in: remove 1 to " + in;
        }
        return null;
    }

    private static String removedDetail(PointDraft p, int count) {
        int left = p.needlesInserted - p.needlesRemoved;
        return count + (left == 0 ? "" : "; " + left + " still in");
    }

    private static Deviation.Rule broken(Window window, double seconds) {
        return window.isBelow(seconds) ? Deviation.Rule.BELOW_MINIMUM
                : window.isAbove(seconds) ? Deviation.Rule.ABOVE_MAXIMUM : null;
    }

    private String cleanse() {
        PointDraft p = current();
        p.siteCleansedAt = at();
        event("site.cleansed", p.n, null);
        stage = Stage.COMPRESSION_READY;
        return null;
    }

    private String startCompression() {
        PointDraft p = current();
        p.compressionStartTick = now;
        event("compression.started", p.n, null);
        stage = Stage.COMPRESSION;
        return null;
    }

    private String endCompression() {
        PointDraft p = current();
        double seconds = seconds(now - p.compressionStartTick);
        Window window = protocol.windows().compression();
        p.compression = new Compression(seconds, window.minSeconds(), window.maxSeconds(),
                estimated(p.compressionStartTick, now));
        event("compression.ended", p.n, null);
        Deviation.Rule broken = broken(window, seconds);
        if (broken != null) {
            pendingDeviation = new Deviation(p.n, Step.COMPRESSION, broken,
                    "compression ended at " + format(seconds) + " s; window " + window.describe(), null);
            stage = Stage.COMPRESSION_REASON;
        } else {
            stage = Stage.BLEEDING;
        }
        return null;
    }

    private String bleeding(Input.Bleeding b) {
        PointDraft p = current();
        p.bleeding = b.bleeding();
        p.bandage = b.bandage();
        if (b.bleeding() || b.bandage()) {
            event("bleeding.noted", p.n, b.bandage() ? "bandage applied" : null);
        }
        stage = Stage.ANOTHER_POINT;
        return null;
    }

    private String bleedingSeen(Input.BleedingSeen b) {
        PointDraft p = current();
        p.bleeding = b.bleeding();
        if (b.bleeding()) {
            event("bleeding.noted", p.n, null);
            stage = Stage.BANDAGE;
        } else {
            stage = Stage.ANOTHER_POINT;
        }
        return null;
    }

    private String bandage(Input.BandageApplied b) {
        PointDraft p = current();
        p.bandage = b.bandage();
        if (b.bandage()) {
            event("bandage.applied", p.n, null);
        }
        stage = Stage.ANOTHER_POINT;
        return null;
    }

    private String another(Input.AnotherPoint a) {
        stage = a.another() ? Stage.IDENTIFY : Stage.HANDS;
        return null;
    }

    private String discomfort(Input.DiscomfortSeen d) {
        if (points.isEmpty() || stage.compareTo(Stage.INSERT) < 0 || stage.compareTo(Stage.ANOTHER_POINT) > 0) {
            return "discomfort is noted against the point being needled";
        }
        String note = clean(d.note());
        if (note != null && note.length() > Session.MAX_TEXT) {
            return "the note is at most " + Session.MAX_TEXT + " characters";
        }
        PointDraft p = current();
        p.discomfort.add(new Discomfort(at(), note == null ? "discomfort" : note));
        event("discomfort.seen", p.n, null);
        return null;
    }

    // --- the end

    private String hands() {
        handsSanitizedAt = at();
        event("hands.sanitized", null, null);
        stage = Stage.CLOSE;
        return null;
    }

    private String close(Input.Closed c) {
        if (c.painAfter() != null && (c.painAfter() < 0 || c.painAfter() > 10)) {
            return "pain is 0 to 10";
        }
        if (c.notes() != null && c.notes().length() > 10_000) {
            return "notes are at most 10000 characters";
        }
        painAfter = c.painAfter();
        adverseEvents = c.adverseEvents().stream().distinct().toList();
        aftercareGiven = c.aftercareGiven();
        notes = c.notes() == null ? "" : c.notes().strip();
        event("session.closed", null, null);
        end(Status.COMPLETED);
        return null;
    }

    private String painAfter(Input.PainAfter p) {
        if (p.score() != null && (p.score() < 0 || p.score() > 10)) {
            return "pain is 0 to 10";
        }
        painAfter = p.score();
        event("pain.after", null, p.score() == null ? "not asked" : p.score().toString());
        stage = Stage.ADVERSE_EVENTS;
        return null;
    }

    private String adverse(Input.AdverseEventsNoted a) {
        adverseEvents = a.events().stream().distinct().toList();
        event("adverse.noted", null, adverseEvents.isEmpty() ? "none"
                : String.join(", ", adverseEvents.stream().map(AdverseEvent::json).toList()));
        stage = Stage.AFTERCARE;
        return null;
    }

    private String aftercare(Input.AftercareGiven a) {
        aftercareGiven = a.given();
        event(a.given() ? "aftercare.given" : "aftercare.not-given", null, null);
        stage = Stage.NOTES;
        return null;
    }

    private String notes(Input.NotesGiven n) {
        if (n.notes() != null && n.notes().length() > 10_000) {
            return "notes are at most 10000 characters";
        }
        notes = n.notes() == null ? "" : n.notes().strip();
        event("session.closed", null, null);
        end(Status.COMPLETED);
        return null;
    }

    private String abort(Input.Aborted a) {
        String reason = clean(a.reason());
        if (reason != null && reason.length() > Session.MAX_TEXT) {
            return "the reason is at most " + Session.MAX_TEXT + " characters";
        }
        if (stage == Stage.DWELL && current().paused()) {
            resume(current());
        }
        if (stage == Stage.TWITCH) {
            // the needle is out but the twitch was never given: keep the dwell as timed
            PointDraft p = current();
            p.dwell = new Dwell(seconds(p.dwellEndNanos), p.dwellWindow.minSeconds(), p.dwellWindow.maxSeconds(),
                    false, seconds(p.pausedNanos), estimated(p.insertedTick, p.removedTick));
        }
        if (pendingDeviation != null) {
            Deviation d = pendingDeviation;
            deviation(d.point(), d.step(), d.rule(), d.detail(), reason == null ? "session aborted" : reason);
            pendingDeviation = null;
        }
        event("session.aborted", null, reason);
        if (notes.isEmpty() && reason != null) {
            notes = "Aborted: " + reason;
        }
        end(Status.ABORTED);
        return null;
    }

    private String resumed(Input.SessionResumed r) {
        long outage = r.outageNanos() == null ? 0 : Math.max(0, r.outageNanos());
        outages.add(new long[] {now - outage, now});
        event("session.resumed", null, r.outageNanos() == null
                ? "outage of unknown length (the wall clock went back); counted as none"
                : "outage of " + format(seconds(outage)) + " s, estimated from the wall clock; timers went on across it");
        return null;
    }

    /** Nanoseconds of {@code [from, to)} that fell in an outage; null when none did. */
    private Double estimated(long from, long to) {
        long sum = 0;
        for (long[] o : outages) {
            sum += Math.max(0, Math.min(to, o[1]) - Math.max(from, o[0]));
        }
        return sum == 0 ? null : seconds(sum);
    }

    private void end(Status how) {
        status = how == Status.COMPLETED && !outages.isEmpty() ? Status.RESUMED : how;
        endedAt = at();
        stage = Stage.ENDED;
    }

    // --- the record

    /** The record from this state, ending as {@code how} at {@code end}, with {@code events} as logged. */
    SessionRecord record(List<Event> events, OffsetDateTime lastEventAt) {
        boolean ended = stage == Stage.ENDED;
        List<Point> done = points.stream().map(PointDraft::toPoint).toList();
        return new SessionRecord(SessionRecord.SCHEMA_VERSION, setup.id(), ended ? status : Status.RECOVERED,
                setup.training(), startedAt, ended ? endedAt : lastEventAt,
                setup.clinician(), setup.patient(),
                new dev.tdn.record.ProtocolRef(protocol.name(), protocol.version(), protocol.sha256()),
                new dev.tdn.record.Screening(consent, scopeConfirmed, cleared, List.copyOf(answers)),
                painBefore, List.copyOf(sitePrep), done, handsSanitizedAt, painAfter, adverseEvents, aftercareGiven,
                List.copyOf(deviations), Billing.forPoints(done), notes, events,
                new Software("tdn", setup.softwareVersion()));
    }

    private void deviation(Integer point, Step step, Deviation.Rule rule, String detail, String reason) {
        deviations.add(new Deviation(point, step, rule, detail, reason));
        event("deviation.recorded", point, rule.json());
    }

    private void event(String type, Integer point, String detail) {
        log.add(now, type, point, detail);
    }

    private OffsetDateTime at() {
        return startedAt.plusNanos(now);
    }

    private PointDraft current() {
        return points.get(points.size() - 1);
    }

    private static double seconds(long nanos) {
        return Session.seconds(nanos);
    }

    /** "22.0", "60.04", "29.999": no more digits than the value has, at least one. */
    private static String format(double seconds) {
        String s = java.math.BigDecimal.valueOf(seconds).setScale(3, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
