package dev.tdn.session;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tdn.protocol.PrepItem;
import dev.tdn.protocol.ScreeningItem;
import dev.tdn.record.Point;
import dev.tdn.record.SessionRecord;

/**
 * The session engine: walks the protocol in its clinical order (the rules are in
 * {@link Procedure}). Pure: no files, no terminal, no reading of system time. Inputs come in with
 * {@link #apply}, the clock is the {@link Ticker} it was given, and the record comes out of
 * {@link #record()}.
 *
 * <p>Wall-clock times in the record are the start time plus monotonic elapsed time, so they are
 * always in order and always agree with the durations, whatever the system clock does meanwhile.
 *
 * <p>{@link Input.Undo} takes back the last accepted input that is still in force: the engine
 * replays every other input at the instant it was first taken, so the state (a dwell's clock, its
 * window, its deviations) is exactly as if the mistaken input had never been given, while the
 * record's events keep both the mistake and the undo.
 */
public final class Session {

    static final int MAX_TEXT = 500;

    private final SessionSetup setup;
    private final Ticker ticker;
    private final long origin;
    private final OffsetDateTime startedAt;
    private final EventLog log;
    /** The inputs in force, with the instants they were taken at: what a rebuild replays. */
    private final List<Taken> history = new ArrayList<>();
    private Procedure procedure;

    private record Taken(long at, Input input) {
    }

    private Session(SessionSetup setup, OffsetDateTime startedAt, Ticker ticker) {
        this.setup = setup;
        this.ticker = ticker;
        this.origin = ticker.nanos();
        this.startedAt = startedAt;
        this.log = new EventLog(startedAt);
        this.procedure = new Procedure(setup, startedAt, log);
        log.add(0, "session.started", null, null);
    }

    /** Starts a session now: the wall clock is read once, here. */
    public static Session start(SessionSetup setup, Clock clock, Ticker ticker) {
        return new Session(setup, OffsetDateTime.now(clock), ticker);
    }

    /** Starts a session at a known wall time, as recovery does when it replays a journal. */
    public static Session resume(SessionSetup setup, OffsetDateTime startedAt, Ticker ticker) {
        return new Session(setup, startedAt, ticker);
    }

    public Stage stage() {
        return procedure.stage();
    }

    public boolean ended() {
        return procedure.stage() == Stage.ENDED;
    }

    public SessionSetup setup() {
        return setup;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    /**
     * The screening question now asked: in {@link Stage#SCREENING} the next unanswered item, in
     * {@link Stage#PRECAUTION} the precaution waiting for the clinician's go-ahead.
     */
    public Optional<ScreeningItem> screeningItem() {
        return procedure.screeningItem();
    }

    /** The screening items still to answer, in protocol order (all of them, at first). */
    public List<ScreeningItem> screeningLeft() {
        return procedure.screeningLeft();
    }

    /** The site-prep check now due, while in {@link Stage#SITE_PREP}. */
    public Optional<PrepItem> prepItem() {
        return procedure.prepItem();
    }

    /** The point being needled, as far as it has got. */
    public Optional<Point> currentPoint() {
        return procedure.currentPoint();
    }

    /** The muscle named for the next point, while its side is asked ({@link Stage#SIDE}). */
    public Optional<String> namedMuscle() {
        return procedure.namedMuscle();
    }

    public int pointsSoFar() {
        return procedure.pointsSoFar();
    }

    /** Needles still in the patient at this point. */
    public int needlesIn() {
        return procedure.needlesIn();
    }

    /** Whether an {@link Input.Undo} now would take something back. */
    public boolean canUndo() {
        return !ended() && lastUndoable() >= 0;
    }

    /** The input an {@link Input.Undo} would take back now, if any. */
    public Optional<Input> undoable() {
        int i = lastUndoable();
        return ended() || i < 0 ? Optional.empty() : Optional.of(history.get(i).input());
    }

    /**
     * The last input in force that undo may take back. A resume is not a clinician's answer: it
     * records an outage that happened, so undo passes over it (and replays it).
     */
    private int lastUndoable() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!(history.get(i).input() instanceof Input.SessionResumed)) {
                return i;
            }
        }
        return -1;
    }

    /** The running timer, if a timed step is in progress. Reads the ticker; changes nothing. */
    public Optional<TimerView> timer() {
        return procedure.timer(ticker.nanos() - origin);
    }

    /** Applies one input; refused inputs change nothing and should be asked again. */
    public Outcome apply(Input input) {
        if (ended()) {
            return new Outcome.Refused("the session has ended");
        }
        long now = ticker.nanos() - origin;
        int logged = log.size();
        String refusal = input instanceof Input.Undo ? undo(now) : procedure.apply(input, now);
        if (refusal != null) {
            log.truncateTo(logged);
            return new Outcome.Refused(refusal);
        }
        if (!(input instanceof Input.Undo)) {
            history.add(new Taken(now, input));
        }
        return new Outcome.Accepted(now, log.since(logged));
    }

    private String undo(long now) {
        int at = lastUndoable();
        if (at < 0) {
            return "nothing to undo";
        }
        Taken undone = history.get(at);
        List<Taken> kept = new ArrayList<>(history);
        kept.remove(at);
        Procedure rebuilt = new Procedure(setup, startedAt, log);
        log.mute(true);
        try {
            for (Taken t : kept) {
                // each was accepted in this order at this instant, so none is refused; if one
                // were, the session goes on as it was rather than lose its state
                if (rebuilt.apply(t.input(), t.at()) != null) {
                    return "this cannot be undone";
                }
            }
        } finally {
            log.mute(false);
        }
        history.remove(at);
        procedure = rebuilt;
        log.add(now, "input.undone", procedure.currentPoint().map(Point::n).orElse(null),
                name(undone.input()) + " given at " + Math.round(undone.at() / 1_000_000.0) / 1000.0 + " s");
        return null;
    }

    /** The input's name as the journal spells it: NeedlesRemoved is "needles-removed". */
    static String name(Input input) {
        return input.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The finished record; before the end, the record as it would be if it ended now (recovery). */
    public SessionRecord record() {
        return procedure.record(log.forRecord(procedure.pointsSoFar()), log.lastAt());
    }

    /**
     * Milliseconds, as seconds: the record, the deviation and the window judgement all use this
     * one value, so none of them can disagree. (Rounding to tenths would move the window's edges
     * by up to 50 ms.)
     */
    public static double seconds(long nanos) {
        return Math.round(nanos / 1_000_000.0) / 1000.0;
    }
}
