package dev.tdn.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tdn.flow.Question.Ask;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ScreeningItem;
import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Side;
import dev.tdn.record.Technique;
import dev.tdn.record.Twitch;
import dev.tdn.session.Input;
import dev.tdn.session.InputSink;
import dev.tdn.session.Outcome;
import dev.tdn.session.Session;
import dev.tdn.session.Stage;
import dev.tdn.session.TimerView;

/**
 * The session as a conversation, written once: {@link #question()} says what is asked now, and
 * {@link #answer} takes one answer in plain words (the live screen's keys stand for the same
 * words). Pure: no terminal, no files, no clock of its own; inputs go to the {@link InputSink}
 * (the engine and its journal).
 *
 * <p>A few questions come in groups that make one engine input (a point's muscle, side,
 * location and palpation; bleeding and bandage; the closing questions; the reason for a
 * deviation; an abort and its reason). Their answers wait in a draft until the group is
 * complete. {@code undo} takes back the last answer: from the draft while there is one, else the
 * engine's last accepted input.
 */
public final class SessionFlow {

    static final String HELP = "Type abort at any prompt to end the session early; the record is still written."
            + " Type undo to take back your last answer.";

    private final Session session;
    private final InputSink sink;
    private final Protocol protocol;
    private final Wording wording;
    private final List<PlannedPoint> planned;
    private final MuscleNames muscles;
    /** Answers of the group now being asked, in the order given. */
    private final Map<Ask, Object> draft = new LinkedHashMap<>();
    private Stage draftStage;
    /** The abort questions, asked over whatever was being asked; null when not aborting. */
    private Map<Ask, Object> abort;
    private List<String> farewell = List.of();

    public SessionFlow(Session session, InputSink sink, List<PlannedPoint> planned, MuscleNames muscles) {
        this.session = session;
        this.sink = sink;
        this.protocol = session.setup().protocol();
        this.wording = new Wording(session);
        // a plan typed as "UT:left" is offered as the catalogue's "upper trapezius"
        this.planned = planned.stream().map(p -> new PlannedPoint(muscles.listed(p.muscle()).orElse(p.muscle()),
                p.side())).toList();
        this.muscles = muscles;
    }

    public boolean ended() {
        return session.ended();
    }

    /** The engine, read-only for the screens: the timer, the point, the needles in. */
    public Session session() {
        return session;
    }

    // --- what is asked

    /**
     * What is asked now, or empty once the session has ended: the plain console asks this, since
     * a Ctrl-C from another thread may end the session between two of its prompts.
     */
    public Optional<Question> asking() {
        synchronized (sink) {
            return session.ended() ? Optional.empty() : Optional.of(question());
        }
    }

    public Question question() {
        synchronized (sink) {
            return asked();
        }
    }

    private Question asked() {
        keepDraftInStep();
        if (abort != null) {
            return abort.isEmpty() ? wording.confirmAbort()
                    : "4".equals(abort.get(Ask.ABORT_REASON)) ? wording.abortReasonText() : wording.abortReason();
        }
        return switch (session.stage()) {
            case CONSENT -> wording.consent();
            case SCOPE -> wording.scope();
            case SCREENING -> wording.screening();
            case PRECAUTION -> wording.precaution();
            case PAIN_BEFORE -> wording.painBefore();
            case SITE_PREP -> wording.sitePrep();
            case IDENTIFY -> identifyQuestion();
            case SIDE -> sideQuestion();
            case LOCATION -> wording.location(session.pointsSoFar());
            case PALPATION -> wording.reproducesPain(session.pointsSoFar());
            case REFERRAL -> wording.referredPain(session.pointsSoFar());
            case INSERT -> wording.insert();
            case DWELL -> wording.dwell();
            case TWITCH -> wording.twitch();
            case DWELL_REASON, COMPRESSION_REASON -> draft.containsKey(Ask.REASON) ? wording.reasonText()
                    : wording.reason();
            case REMOVE -> wording.remove();
            case CLEANSE -> wording.cleanse();
            case COMPRESSION_READY -> wording.compressionReady();
            case COMPRESSION -> wording.compression();
            case BLEEDING -> wording.bleeding();
            case BANDAGE -> wording.bandage();
            case ANOTHER_POINT -> wording.anotherPoint(plannedPoint(session.pointsSoFar()));
            case HANDS -> wording.hands();
            case CLOSE -> wording.painAfter();
            case ADVERSE_EVENTS -> wording.adverseEvents();
            case AFTERCARE -> wording.aftercare();
            case NOTES -> wording.notes();
            case ENDED -> throw new IllegalStateException("the session has ended; nothing is asked");
        };
    }

    private Question identifyQuestion() {
        int n = session.pointsSoFar() + 1;
        if (draft.containsKey(Ask.MUSCLE)) {
            return wording.unlistedMuscle((String) draft.get(Ask.MUSCLE));
        }
        return wording.muscle(n, plannedPoint(n - 1).map(PlannedPoint::muscle), muscles.names());
    }

    private Question sideQuestion() {
        int n = session.pointsSoFar() + 1;
        String muscle = session.namedMuscle().orElseThrow();
        return wording.side(n, muscle, plannedSide(plannedPoint(n - 1), muscle));
    }

    /** The planned side is offered only for the planned muscle: another muscle has no plan. */
    private Optional<Side> plannedSide(Optional<PlannedPoint> plan, String muscle) {
        return plan.filter(p -> sameMuscle(p.muscle(), muscle)).flatMap(PlannedPoint::side);
    }

    private boolean sameMuscle(String a, String b) {
        String ca = muscles.listed(a).orElse(a.strip());
        String cb = muscles.listed(b).orElse(b.strip());
        return ca.equalsIgnoreCase(cb);
    }

    /** A draft belongs to one stage: once the engine moves (an answer, an undo), it is forgotten. */
    private void keepDraftInStep() {
        if (session.stage() != draftStage) {
            draft.clear();
            draftStage = session.stage();
        }
    }

    // --- answers

    /** One answer, as typed on a plain line or as the live screen's key stands for it. */
    public Reply answer(String typed) {
        // one answer at a time against the engine, and against an abort arriving from Ctrl-C
        synchronized (sink) {
            boolean going = !session.ended();
            Reply r = reply(typed);
            if (going && session.ended()) {
                farewell = r.said();
            }
            return r;
        }
    }

    private Reply reply(String typed) {
        String t = Answers.norm(typed);
        if (session.ended()) {
            return Reply.again("The session has ended.");
        }
        if (t.equals("?") || t.equals("help")) {
            return Reply.again(HELP);
        }
        if (t.equals("undo")) {
            return undo();
        }
        if (t.equals("abort") && abort == null) {
            abort = new LinkedHashMap<>();
            return Reply.ok();
        }
        Question q = question();
        return switch (q.ask()) {
            case CONSENT -> yesNo(typed, yes -> send(new Input.Consent(yes)));
            case SCOPE -> yesNo(typed, yes -> send(new Input.Scope(yes)));
            case SCREENING -> screening(typed, q);
            case PRECAUTION -> yesNo(typed, yes -> {
                Reply r = send(new Input.PrecautionConfirmed(session.screeningItem().orElseThrow().id(), yes));
                return session.ended() ? r.and(Wording.NOT_DONE) : r;
            });
            case PAIN_BEFORE -> parsed(Answers.pain(typed), Wording.PAIN_ACCEPTED,
                    pain -> send(new Input.PainBefore(pain.orElse(null))));
            case SITE_PREP -> done(typed, () -> send(new Input.SitePrepChecked(session.prepItem().orElseThrow().id())));
            case MUSCLE -> muscle(typed, q);
            case UNLISTED_MUSCLE -> yesNo(typed, yes -> {
                String muscle = (String) draft.remove(Ask.MUSCLE);
                return yes ? send(new Input.MuscleNamed(muscle)) : Reply.ok("Type the muscle again.");
            });
            case SIDE -> side(typed, q);
            case LOCATION -> send(new Input.LocationGiven(typed.strip()));
            case REPRODUCES_PAIN -> yesNo(typed, yes -> send(new Input.PainReproduced(yes)));
            case REFERRED_PAIN -> yesNo(typed, yes -> send(new Input.PainReferred(yes)));
            case INSERT -> parsed(Answers.insertion(typed, session.setup().needle().depthMm()), Wording.INSERT_ACCEPTED,
                    this::inserted);
            case DWELL -> dwell(typed);
            case TWITCH -> parsed(Answers.twitch(typed), "s (strong), w (weak) or n (none)",
                    twitch -> send(new Input.TwitchMarked(twitch)));
            case REASON -> reason(typed);
            case REASON_TEXT -> typed.isBlank() ? Reply.again("Give a short reason.") : send(new Input.Reason(typed));
            case REMOVE -> parsed(Answers.count(typed, session.needlesIn(), session.needlesIn()),
                    "a number from 1 to " + session.needlesIn(), count -> send(new Input.NeedlesRemoved(count)));
            case CLEANSE -> done(typed, () -> send(new Input.SiteCleansed()));
            case COMPRESSION_READY -> done(typed, () -> send(new Input.CompressionStarted(),
                    "Compression timer started. Window " + Readout.window(protocol.windows().compression()) + "."));
            case COMPRESSION -> done(typed, this::compressionEnded);
            case BLEEDING -> yesNo(typed, yes -> send(new Input.BleedingSeen(yes)));
            case BANDAGE -> yesNo(typed, yes -> send(new Input.BandageApplied(yes)));
            case ANOTHER_POINT -> yesNo(typed, yes -> send(new Input.AnotherPoint(yes)));
            case HANDS -> done(typed, () -> send(new Input.HandsSanitized()));
            case PAIN_AFTER -> parsed(Answers.pain(typed), Wording.PAIN_ACCEPTED,
                    pain -> send(new Input.PainAfter(pain.orElse(null))));
            case ADVERSE_EVENTS -> parsed(Answers.adverseEvents(typed), Wording.ADVERSE_ACCEPTED,
                    events -> send(new Input.AdverseEventsNoted(events)));
            case AFTERCARE -> yesNo(typed, yes -> send(new Input.AftercareGiven(yes)));
            case NOTES -> send(new Input.NotesGiven(typed));
            case CONFIRM_ABORT -> yesNo(typed, yes -> {
                if (yes) {
                    abort.put(Ask.CONFIRM_ABORT, true);
                    return Reply.ok();
                }
                abort = null;
                return Reply.ok("Not aborted; the session goes on.");
            });
            case ABORT_REASON -> abortReason(typed);
            case ABORT_REASON_TEXT -> aborted(typed.isBlank() ? null : typed.strip());
        };
    }

    private Reply screening(String typed, Question q) {
        Optional<List<String>> yes = Answers.ticked(typed, q.items().size());
        if (yes.isEmpty()) {
            return Reply.again("Not understood. Please answer " + Wording.CHECKLIST_ACCEPTED + ".");
        }
        List<ScreeningItem> left = session.screeningLeft();
        List<String> ids = yes.get().stream().map(k -> left.get(Integer.parseInt(k) - 1).id()).toList();
        Reply r = send(new Input.ScreeningChecked(ids));
        return session.ended() ? r.and(Wording.CONTRAINDICATED) : r;
    }

    private Reply muscle(String typed, Question q) {
        String name = typed.strip();
        if (name.isEmpty() && q.defaultAnswer() == null) {
            return Reply.again("Name the muscle, such as upper trapezius.");
        }
        if (name.isEmpty()) {
            name = q.defaultAnswer();
        }
        if (name.length() > 100) {
            return Reply.again("A muscle's name is at most 100 characters.");
        }
        Optional<String> listed = muscles.listed(name);
        // a name the catalogue does not know waits for its confirmation before it is sent
        return listed.isPresent() ? send(new Input.MuscleNamed(listed.get())) : keep(Ask.MUSCLE, name);
    }

    private Reply side(String typed, Question q) {
        Optional<Optional<Side>> side = typed.isBlank() && q.defaultAnswer() != null
                ? Optional.of(Answers.side(q.defaultAnswer()).orElseThrow()) : Answers.side(typed);
        return parsed(side, "l (left), r (right) or - (midline)", s -> send(new Input.SideGiven(s.orElse(null))));
    }

    private Reply inserted(Answers.Insertion a) {
        // what was recorded is said back: "10" typed for a depth would otherwise pass as 10 needles
        return send(new Input.NeedleInserted(a.dynamic() ? Technique.DYNAMIC : Technique.STATIC, a.depthMm(),
                a.needles(), a.stimulation()), "Dwell timer started: " + (a.dynamic() ? "dynamic" : "static") + ", "
                + Readout.number(a.depthMm()) + " mm, " + (a.needles() == 1 ? "1 needle" : a.needles() + " needles")
                + (a.stimulation() ? ", electrical stimulation" : "") + ". Window "
                + Readout.window(protocol.windows().dwell()) + "; a weak twitch extends it to "
                + Readout.window(protocol.windows().weakTwitchDwell()) + ".");
    }

    private Reply dwell(String typed) {
        String t = Answers.norm(typed);
        TimerView timer = session.timer().orElseThrow();
        Optional<Twitch> twitch = Answers.twitch(t);
        if (twitch.isPresent()) {
            Reply r = send(new Input.TwitchMarked(twitch.get()));
            TimerView now = session.timer().orElseThrow();
            if (r.taken() && now.extended() != timer.extended()) {
                r = r.and((now.extended() ? "Weak twitch: the window is now " : "The window is back to ")
                        + Readout.window(now.window()) + ".");
            }
            return withStatus(r);
        }
        if (t.equals("p")) {
            return withStatus(send(timer.paused() ? new Input.Resumed() : new Input.Paused(),
                    timer.paused() ? "Resumed." : "Paused: the dwell clock is stopped. p to resume."));
        }
        if (t.equals("g") || t.startsWith("g ")) {
            return withStatus(send(new Input.DiscomfortSeen(typed.strip().substring(1).strip())));
        }
        if (t.equals("e")) {
            return withStatus(send(new Input.StimulationToggled()));
        }
        if (t.isEmpty() || t.equals("out") || t.startsWith("out ")) {
            int all = session.needlesIn();
            Optional<Integer> count = t.startsWith("out ") ? Answers.count(t.substring(4), all, all) : Optional.of(all);
            if (count.isEmpty()) {
                return Reply.again("Not understood: out N takes a number from 1 to " + all + ".");
            }
            return send(new Input.NeedlesRemoved(count.get()), (count.get() == 1 && all > 1 ? "Needle 1 of " + all
                    : count.get() < all ? count.get() + " of " + all + " needles" : all == 1 ? "Needle"
                    : "All " + all + " needles") + " out at "
                    + Readout.time(timer.seconds()) + " (" + Readout.zone(timer) + ").");
        }
        return Reply.again("Not understood. Answer one of: s, w, n, p, g, e, or Enter when the needle is out.");
    }

    private Reply withStatus(Reply r) {
        return r.taken() ? session.timer().map(t -> r.and(Readout.status(t))).orElse(r) : r;
    }

    private Reply compressionEnded() {
        TimerView before = session.timer().orElseThrow();
        Reply r = send(new Input.CompressionEnded());
        return r.taken() ? r.and("Compression " + Readout.time(session.currentPoint().orElseThrow().compression()
                .seconds()) + " (" + Readout.zone(before) + ").") : r;
    }

    private Reply reason(String typed) {
        String t = typed.strip();
        if (t.equals(String.valueOf(Answers.REASONS.size() + 1))) {
            return keep(Ask.REASON, "other");
        }
        return parsed(Answers.reason(t), Wording.REASON_ACCEPTED, reason -> send(new Input.Reason(reason)));
    }

    private Reply abortReason(String typed) {
        String t = typed.strip();
        if (t.isEmpty()) {
            return aborted(null);
        }
        if (t.equals(String.valueOf(Answers.REASONS.size() + 1))) {
            abort.put(Ask.ABORT_REASON, t);
            return Reply.ok();
        }
        return aborted(Answers.reason(t).orElse(t));
    }

    private Reply aborted(String reason) {
        Reply r = send(new Input.Aborted(reason), "The session is aborted; its record is written.");
        if (r.taken()) {
            abort = null;
        }
        return r;
    }

    /**
     * What was said as the session ended ("Absolute contraindication: ..."), for a screen that
     * closes before it could be read; empty while the session goes on.
     */
    public List<String> farewell() {
        return session.ended() ? farewell : List.of();
    }

    /** Ends the session early without asking: the input ended, or the process is stopping. */
    public Reply abandon(String reason) {
        abort = null;
        return send(new Input.Aborted(reason));
    }

    // --- undo

    private Reply undo() {
        if (abort != null) {
            if (abort.isEmpty()) {
                abort = null;
                return Reply.ok("Not aborted; the session goes on.");
            }
            removeLast(abort);
            return Reply.ok("Undone: your last answer.");
        }
        if (!draft.isEmpty()) {
            removeLast(draft);
            return Reply.ok("Undone: your last answer.");
        }
        Optional<Input> last = session.undoable();
        if (last.isEmpty()) {
            return Reply.again("Nothing to undo.");
        }
        Outcome outcome = sink.accept(new Input.Undo());
        if (outcome instanceof Outcome.Refused refused) {
            return Reply.again("Not accepted: " + refused.reason() + ".");
        }
        Reply r = Reply.ok("Undone: " + Wording.undone(last.get()) + ".");
        return session.timer().map(t -> r.and((t.kind() == TimerView.Kind.DWELL ? "The dwell goes on: "
                : "The compression goes on: ") + Readout.status(t))).orElse(r);
    }

    private static void removeLast(Map<Ask, Object> answers) {
        Ask last = null;
        for (Ask a : answers.keySet()) {
            last = a;
        }
        answers.remove(last);
    }

    // --- the small steps of answering

    private Reply send(Input input) {
        return send(input, null);
    }

    private Reply send(Input input, String onAccepted) {
        Outcome outcome = sink.accept(input);
        if (outcome instanceof Outcome.Refused refused) {
            return Reply.again("Not accepted: " + refused.reason() + ".");
        }
        return onAccepted == null ? Reply.ok() : Reply.ok(onAccepted);
    }

    private Reply keep(Ask ask, Object value) {
        draft.put(ask, value);
        return Reply.ok();
    }

    private Reply yesNo(String typed, java.util.function.Function<Boolean, Reply> then) {
        return parsed(Answers.yesNo(typed), "y or n", then);
    }

    private Reply done(String typed, java.util.function.Supplier<Reply> then) {
        return Answers.done(typed) ? then.get() : Reply.again("Not understood. Please answer Enter when done.");
    }

    private static <T> Reply parsed(Optional<T> value, String accepted, java.util.function.Function<T, Reply> then) {
        return value.map(then).orElseGet(() -> Reply.again("Not understood. Please answer " + accepted + "."));
    }

    private Optional<PlannedPoint> plannedPoint(int index) {
        return index < planned.size() ? Optional.of(planned.get(index)) : Optional.empty();
    }

    /** The planned points, for "point 1 of 3" on the live screen. */
    public int plannedPoints() {
        return planned.size();
    }
}
