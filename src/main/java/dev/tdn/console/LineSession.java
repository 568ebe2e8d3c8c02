package dev.tdn.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.tdn.protocol.PrepItem;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ScreeningItem;
import dev.tdn.protocol.Window;
import dev.tdn.record.Point;
import dev.tdn.record.ScreeningAnswer;
import dev.tdn.record.Side;
import dev.tdn.record.Step;
import dev.tdn.record.Technique;
import dev.tdn.session.Input;
import dev.tdn.session.InputSink;
import dev.tdn.session.Outcome;
import dev.tdn.session.Session;
import dev.tdn.session.Stage;
import dev.tdn.session.TimerView;

/**
 * The session as plain lines, for pipes, scripts and terminals without a screen: each prompt is
 * one line, each answer one line. A timed step ends when its answer line arrives, so a script
 * controls a dwell with {@code sleep}. No escape codes, ever.
 *
 * <p>At any prompt, {@code abort} ends the session early (after a confirmation) and {@code ?}
 * shows help. The end of input ends the session as aborted; its record is still written.
 */
public final class LineSession {

    /** How the conversation ended. INTERRUPTED: aborted with Ctrl-C, which exits 130. */
    public enum Ending { FINISHED, INPUT_ENDED, INTERRUPTED }

    private static final String ABORT_HELP =
            "Type abort at any prompt to end the session early; the record is still written.";

    private final Session session;
    private final InputSink sink;
    private final BufferedReader in;
    private final PrintWriter out;
    private final Protocol protocol;
    private final List<PlannedPoint> planned;
    private Step shownStep;
    private int shownPoint;

    public LineSession(Session session, InputSink sink, BufferedReader in, PrintWriter out, List<PlannedPoint> planned) {
        this.session = session;
        this.sink = sink;
        this.in = in;
        this.out = out;
        this.protocol = session.setup().protocol();
        this.planned = List.copyOf(planned);
    }

    /** Converses until the session ends; the end of input aborts it. */
    public Ending run() {
        try {
            while (!session.ended()) {
                announce();
                step();
            }
            return Ending.FINISHED;
        } catch (SessionOver e) {
            return Ending.FINISHED;
        } catch (InputEnded e) {
            if (!session.ended()) {
                sink.accept(new Input.Aborted("input ended before the session finished"));
                say("Input ended: the session is aborted and its record written.");
            }
            return Ending.INPUT_ENDED;
        }
    }

    // --- one stage

    private void step() {
        Stage stage = session.stage();
        switch (stage) {
            case CONSENT -> send(new Input.Consent(yesNo("Informed consent confirmed? [y/n]")));
            case SCOPE -> send(new Input.Scope(
                    yesNo("Dry needling is within your scope of practice in this jurisdiction? [y/n]")));
            case SCREENING -> screening();
            case PRECAUTION -> {
                ScreeningItem item = session.screeningItem().orElseThrow();
                send(new Input.PrecautionConfirmed(item.id(),
                        yesNo("Precaution: " + item.question() + " Go ahead with dry needling? [y/n]")));
            }
            case PAIN_BEFORE -> send(new Input.PainBefore(
                    until("Pain now, 0-10 (Enter to skip):", Answers::pain, "a number from 0 to 10, or Enter").orElse(null)));
            case SITE_PREP -> {
                PrepItem item = session.prepItem().orElseThrow();
                int i = protocol.sitePrep().indexOf(item) + 1;
                enter("Site prep " + i + "/" + protocol.sitePrep().size() + ": " + item.label() + ". Enter when done");
                send(new Input.SitePrepChecked(item.id()));
            }
            case IDENTIFY -> identify();
            case INSERT -> insert();
            case DWELL -> dwell();
            case TWITCH -> send(new Input.TwitchMarked(
                    until("Twitch response seen? [s/w/n]", Answers::twitch, "s (strong), w (weak) or n (none)")));
            case DWELL_REASON -> reason(session.currentPoint().map(p -> "The dwell of " + Readout.time(p.dwell().seconds())
                    + " is outside its window (" + Readout.window(new Window(p.dwell().minSeconds(), p.dwell().maxSeconds()))
                    + ").").orElse(""));
            case REMOVE -> {
                int k = session.needlesIn();
                send(new Input.NeedlesRemoved(until(k + " needle(s) still in. How many removed now? [" + k + "]",
                        s -> Answers.count(s, k, k), "a number from 1 to " + k)));
            }
            case CLEANSE -> {
                enter("Cleanse the site with alcohol. Enter when done");
                send(new Input.SiteCleansed());
            }
            case COMPRESSION_READY -> {
                enter("Compress the site. Enter to start the compression timer");
                if (send(new Input.CompressionStarted())) {
                    say("Compression timer started. Window " + Readout.window(protocol.windows().compression()) + ".");
                }
            }
            case COMPRESSION -> {
                enter("Compressing. Enter when done");
                TimerView before = session.timer().orElseThrow();
                if (send(new Input.CompressionEnded())) {
                    say("Compression " + Readout.time(session.currentPoint().orElseThrow().compression().seconds())
                            + " (" + zoneWords(before) + ").");
                }
            }
            case COMPRESSION_REASON -> reason(session.currentPoint().map(p -> "Compression of "
                    + Readout.time(p.compression().seconds()) + " is outside its window ("
                    + Readout.window(protocol.windows().compression()) + ").").orElse(""));
            case BLEEDING -> {
                boolean bleeding = yesNo("Bleeding at the site? [y/n]");
                boolean bandage = bleeding && yesNo("Bandage applied? [y/n]");
                send(new Input.Bleeding(bleeding, bandage));
            }
            case ANOTHER_POINT -> {
                Optional<PlannedPoint> next = plannedPoint(session.pointsSoFar());
                send(new Input.AnotherPoint(yesNo("Another trigger point?"
                        + next.map(p -> " (planned next: " + p.describe() + ")").orElse("") + " [y/n]")));
            }
            case HANDS -> {
                enter("Sanitize your hands. Enter when done");
                send(new Input.HandsSanitized());
            }
            case CLOSE -> close();
            case ENDED -> {
                // run() stops before this
            }
        }
    }

    private void screening() {
        ScreeningItem item = session.screeningItem().orElseThrow();
        int i = protocol.screening().indexOf(item) + 1;
        String kind = item.kind() == ScreeningAnswer.Kind.ABSOLUTE ? "contraindication" : "precaution";
        boolean yes = yesNo("Screening " + i + "/" + protocol.screening().size() + " (" + kind + "): "
                + item.question() + " [y/n]");
        if (send(new Input.ScreeningAnswered(item.id(), yes)) && session.ended()) {
            say("Absolute contraindication: no dry needling today. The session is recorded as not done.");
        }
    }

    private void identify() {
        int n = session.pointsSoFar() + 1;
        Optional<PlannedPoint> plan = plannedPoint(n - 1);
        String muscle = ask("Point " + n + ": muscle" + plan.map(p -> " [" + p.muscle() + "]").orElse("") + ":").strip();
        while (muscle.isEmpty() && plan.isEmpty()) {
            say("Name the muscle, such as upper trapezius.");
            muscle = ask("Point " + n + ": muscle:").strip();
        }
        if (muscle.isEmpty()) {
            muscle = plan.get().muscle();
        }
        Optional<Side> plannedSide = plan.filter(p -> p.muscle().equalsIgnoreCase(plan.get().muscle()))
                .flatMap(PlannedPoint::side);
        String sideDefault = plannedSide.map(s -> " [" + s.json() + "]").orElse("");
        Optional<Side> side = until("Point " + n + ": side, l/r/- (- for midline)" + sideDefault + ":",
                s -> s.isBlank() && plannedSide.isPresent() ? Optional.of(plannedSide) : Answers.side(s),
                "l (left), r (right) or - (midline)");
        String location = ask("Point " + n + ": location (Enter for none):");
        boolean reproduces = yesNo("Point " + n + ": pressure reproduces the patient's pain? [y/n]");
        boolean referred = yesNo("Point " + n + ": pain referred elsewhere? [y/n]");
        send(new Input.PointIdentified(muscle, side.orElse(null), location, reproduces, referred));
    }

    private void insert() {
        double depth = session.setup().needle().depthMm();
        Answers.Insertion a = until("Insert the needle, about " + Readout.number(depth) + " mm. Enter when it is in"
                + " (or describe it, such as: dynamic 12mm 2 es):",
                s -> Answers.insertion(s, depth), "Enter, or words from: static, dynamic, 12mm, 2 (needles), es");
        if (send(new Input.NeedleInserted(a.dynamic() ? Technique.DYNAMIC : Technique.STATIC, a.depthMm(), a.needles(),
                a.stimulation()))) {
            say("Dwell timer started. Window " + Readout.window(protocol.windows().dwell())
                    + "; a weak twitch extends it to " + Readout.window(protocol.windows().weakTwitchDwell()) + ".");
        }
    }

    private void dwell() {
        String line = ask("Dwell: s/w/n = twitch, p = pause/resume, g [note] = discomfort, e = stimulation on/off,"
                + " Enter = needle out:");
        String t = Answers.norm(line);
        TimerView timer = session.timer().orElseThrow();
        Optional<dev.tdn.record.Twitch> twitch = Answers.twitch(t);
        boolean sent;
        if (twitch.isPresent()) {
            boolean wasExtended = timer.extended();
            sent = send(new Input.TwitchMarked(twitch.get()));
            TimerView now = session.timer().orElseThrow();
            if (sent && now.extended() != wasExtended) {
                say((now.extended() ? "Weak twitch: the window is now " : "The window is back to ")
                        + Readout.window(now.window()) + ".");
            }
        } else if (t.equals("p")) {
            sent = send(timer.paused() ? new Input.Resumed() : new Input.Paused());
            if (sent) {
                say(timer.paused() ? "Resumed." : "Paused: the dwell clock is stopped. p to resume.");
            }
        } else if (t.equals("g") || t.startsWith("g ")) {
            sent = send(new Input.DiscomfortSeen(line.strip().substring(1).strip()));
        } else if (t.equals("e")) {
            sent = send(new Input.StimulationToggled());
        } else if (t.isEmpty() || t.equals("out") || t.startsWith("out ")) {
            int all = session.needlesIn();
            Optional<Integer> count = t.startsWith("out ") ? Answers.count(t.substring(4), all, all) : Optional.of(all);
            if (count.isEmpty()) {
                say("Not understood: out N takes a number from 1 to " + all + ".");
                return;
            }
            if (send(new Input.NeedlesRemoved(count.get()))) {
                say("Needle out at " + Readout.time(timer.seconds()) + " (" + zoneWords(timer) + ").");
            }
            return;
        } else {
            say("Not understood. Answer one of: s, w, n, p, g, e, or Enter when the needle is out.");
            return;
        }
        if (sent) {
            session.timer().ifPresent(now -> say(Readout.status(now)));
        }
    }

    private void reason(String why) {
        say(why);
        StringBuilder choices = new StringBuilder();
        for (int i = 0; i < Answers.REASONS.size(); i++) {
            choices.append(i + 1).append(" ").append(Answers.REASONS.get(i)).append(", ");
        }
        send(new Input.Reason(until("Reason: " + choices + "or type it:", Answers::reason,
                "1, 2, 3 or a short reason in your words")));
    }

    private void close() {
        say("Aftercare for the patient:");
        protocol.aftercare().forEach(line -> say("  - " + line));
        Optional<Integer> pain = until("Pain now, 0-10 (Enter to skip):", Answers::pain, "a number from 0 to 10, or Enter");
        var adverse = until("Adverse events seen, comma-separated: soreness, bruising, swelling, bleeding, fatigue,"
                + " nausea, dizziness, headache, other (Enter for none):", Answers::adverseEvents,
                "names from the list, separated by commas, or Enter for none");
        boolean aftercare = yesNo("Aftercare advice given to the patient? [y/n]");
        String notes = ask("Notes (Enter for none):");
        send(new Input.Closed(pain.orElse(null), adverse, aftercare, notes));
    }

    // --- showing where we are

    /** Prints the step's instruction once, when the session reaches it. */
    private void announce() {
        Step step = session.stage().step();
        int point = session.currentPoint().map(Point::n).orElse(0);
        if (step == shownStep && point == shownPoint) {
            return;
        }
        shownStep = step;
        shownPoint = point;
        String where = session.currentPoint().map(p -> " - point " + p.n() + ": " + p.muscle()
                + (p.side() == null ? "" : ", " + p.side().json())).orElse("");
        say("");
        say("== " + title(step) + where + " ==");
        String instruction = protocol.instruction(step);
        if (!instruction.isBlank()) {
            say(instruction);
        }
    }

    private static String title(Step step) {
        String s = step.json().replace('-', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String zoneWords(TimerView t) {
        return switch (t.zone()) {
            case BELOW_MINIMUM -> "below the minimum";
            case IN_WINDOW -> "in the window";
            case ABOVE_MAXIMUM -> "past the maximum";
        };
    }

    private Optional<PlannedPoint> plannedPoint(int index) {
        return index < planned.size() ? Optional.of(planned.get(index)) : Optional.empty();
    }

    // --- asking

    private boolean send(Input input) {
        Outcome outcome = sink.accept(input);
        if (outcome instanceof Outcome.Refused refused) {
            say("Not accepted: " + refused.reason() + ".");
            return false;
        }
        return true;
    }

    private boolean yesNo(String prompt) {
        return until(prompt, Answers::yesNo, "y or n");
    }

    private void enter(String prompt) {
        until(prompt, s -> s.isBlank() || Answers.yesNo(s).orElse(false) || Answers.norm(s).equals("done")
                ? Optional.of(Boolean.TRUE) : Optional.empty(), "Enter when done");
    }

    /** Asks until the answer is understood, naming what is accepted each time it is not. */
    private <T> T until(String prompt, Function<String, Optional<T>> parse, String accepted) {
        while (true) {
            Optional<T> value = parse.apply(ask(prompt));
            if (value.isPresent()) {
                return value.get();
            }
            say("Not understood. Please answer " + accepted + ".");
        }
    }

    /** One prompt line, one answer line; handles abort and help at every prompt. */
    private String ask(String prompt) {
        while (true) {
            say(prompt);
            String line = readLine();
            String t = Answers.norm(line);
            if (t.equals("?") || t.equals("help")) {
                say(ABORT_HELP);
                continue;
            }
            if (t.equals("abort")) {
                say("Abort the session? The record will be written as aborted. [y/n]");
                if (Answers.yesNo(readLine()).orElse(false)) {
                    say("Reason for stopping (Enter to skip):");
                    String reason = readLine();
                    sink.accept(new Input.Aborted(reason.isBlank() ? null : reason));
                    throw new SessionOver();
                }
                continue;
            }
            return line;
        }
    }

    private String readLine() {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new InputEnded();
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
