package dev.tdn.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import dev.tdn.protocol.PrepItem;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ScreeningItem;
import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Point;
import dev.tdn.record.ScreeningAnswer;
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
 * The treatment-room screen: the clinician wears gloves and glances over from the patient, so
 * everything is one key, and a running timer is drawn large with its window as a bar. Text is
 * typed only where it must be (patient id, muscle, location, notes, a reason of one's own).
 *
 * <p>Keys: Enter = done / needle out; s, w, n = strong, weak, no twitch; g = discomfort seen;
 * e = electrical stimulation on/off; p = pause/resume; q or Ctrl-C = abort (asks first);
 * ? = help.
 */
public final class LiveSession {

    private static final String DWELL_KEYS =
            "Enter = needle out   s/w/n = twitch   g = discomfort   e = e-stim   p = pause   q = abort   ? = help";
    private static final String COMPRESSION_KEYS = "Enter = compression done   q = abort   ? = help";

    private final Session session;
    private final InputSink sink;
    private final Protocol protocol;
    private final List<PlannedPoint> planned;
    private final List<String> muscles;
    private final boolean colour;
    private final double timeScale;
    private LiveScreen screen;
    private String message = "";
    private final EdgeAlarm alarm = new EdgeAlarm();
    /** The abort came by Ctrl-C, which a script or a person expects to end with 130. */
    private boolean interrupted;

    public LiveSession(Session session, InputSink sink, List<PlannedPoint> planned, List<String> muscles,
            boolean colour, double timeScale) {
        this.session = session;
        this.sink = sink;
        this.protocol = session.setup().protocol();
        this.planned = List.copyOf(planned);
        this.muscles = List.copyOf(muscles);
        this.colour = colour;
        this.timeScale = timeScale;
    }

    /** Runs the session on the terminal; the terminal is restored however this ends. */
    public LineSession.Ending run() throws IOException {
        try (LiveScreen s = LiveScreen.open()) {
            screen = s;
            while (!session.ended()) {
                step();
            }
            return LineSession.Ending.FINISHED;
        } catch (InputEnded e) {
            if (!session.ended()) {
                sink.accept(new Input.Aborted("input ended before the session finished"));
            }
            return LineSession.Ending.INPUT_ENDED;
        } catch (SessionOver e) {
            return interrupted ? LineSession.Ending.INTERRUPTED : LineSession.Ending.FINISHED;
        }
    }

    // --- the stages

    private void step() {
        switch (session.stage()) {
            case CONSENT -> send(new Input.Consent(yesNo("Informed consent confirmed?")));
            case SCOPE -> send(new Input.Scope(yesNo("Dry needling is within your scope of practice here?")));
            case SCREENING -> {
                ScreeningItem item = session.screeningItem().orElseThrow();
                int i = protocol.screening().indexOf(item) + 1;
                String kind = item.kind() == ScreeningAnswer.Kind.ABSOLUTE ? "contraindication" : "precaution";
                send(new Input.ScreeningAnswered(item.id(),
                        yesNo("Screening " + i + "/" + protocol.screening().size() + " (" + kind + ")", item.question())));
            }
            case PRECAUTION -> {
                ScreeningItem item = session.screeningItem().orElseThrow();
                send(new Input.PrecautionConfirmed(item.id(),
                        yesNo("Precaution: " + item.question(), "Go ahead with dry needling?")));
            }
            case PAIN_BEFORE -> send(new Input.PainBefore(pain("Pain now")));
            case SITE_PREP -> sitePrep();
            case IDENTIFY -> identify();
            case INSERT -> insert();
            case DWELL, COMPRESSION -> timed();
            case TWITCH -> send(new Input.TwitchMarked(twitch()));
            case DWELL_REASON, COMPRESSION_REASON -> reason();
            case REMOVE -> remove();
            case CLEANSE -> {
                enter("Cleanse the site with alcohol.", "Enter when done");
                send(new Input.SiteCleansed());
            }
            case COMPRESSION_READY -> {
                enter("Compress the site.", "Enter to start the compression timer");
                if (send(new Input.CompressionStarted())) {
                    alarm.reset(session.timer().orElse(null));
                }
            }
            case BLEEDING -> {
                boolean bleeding = yesNo("Bleeding at the site?");
                send(new Input.Bleeding(bleeding, bleeding && yesNo("Bandage applied?")));
            }
            case ANOTHER_POINT -> send(new Input.AnotherPoint(yesNo("Another trigger point?",
                    plannedPoint(session.pointsSoFar()).map(p -> "Planned next: " + p.describe()).orElse(""))));
            case HANDS -> {
                enter("Sanitize your hands.", "Enter when done");
                send(new Input.HandsSanitized());
            }
            case CLOSE -> close();
            case ENDED -> {
                // run() stops before this
            }
        }
    }

    private void sitePrep() {
        PrepItem item = session.prepItem().orElseThrow();
        List<String> body = new ArrayList<>();
        for (PrepItem p : protocol.sitePrep()) {
            boolean done = protocol.sitePrep().indexOf(p) < protocol.sitePrep().indexOf(item);
            body.add((done ? "  [x] " : p == item ? "> [ ] " : "  [ ] ") + p.label());
        }
        choose(() -> frame(body, "Enter = tick the marked item"), "\r");
        send(new Input.SitePrepChecked(item.id()));
    }

    private void identify() {
        int n = session.pointsSoFar() + 1;
        Optional<PlannedPoint> plan = plannedPoint(n - 1);
        List<String> candidates = new ArrayList<>(muscles);
        plan.ifPresent(p -> candidates.add(0, p.muscle()));
        String prompt = "Point " + n + ": muscle" + plan.map(p -> " [" + p.muscle() + "]").orElse("")
                + " (Tab completes): ";
        String typed = text(prompt, candidates);
        while (typed.isBlank() && plan.isEmpty()) {
            message = "Name the muscle, such as upper trapezius.";
            typed = text(prompt, candidates);
        }
        String muscle = typed.isBlank() ? plan.orElseThrow().muscle() : typed.strip();
        Optional<Side> plannedSide = plan.filter(p -> p.muscle().equalsIgnoreCase(muscle)).flatMap(PlannedPoint::side);
        int sideKey = choose(() -> frame(List.of("Point " + n + ": " + muscle, "", "Side of the body?"),
                "l = left   r = right   - = midline" + plannedSide.map(s -> "   Enter = " + s.json()).orElse("")),
                plannedSide.isPresent() ? "lr-\r" : "lr-");
        Side side = switch (sideKey) {
            case 'l' -> Side.LEFT;
            case 'r' -> Side.RIGHT;
            case '\r' -> plannedSide.orElse(null);
            default -> null;
        };
        String location = text("Location (Enter for none): ", List.of());
        boolean reproduces = yesNo("Does pressure reproduce the patient's pain?");
        boolean referred = yesNo("Is the pain referred elsewhere?");
        send(new Input.PointIdentified(muscle, side, location, reproduces, referred));
    }

    private void insert() {
        double depth = session.setup().needle().depthMm();
        Technique[] technique = {Technique.STATIC};
        int[] needles = {1};
        boolean[] stim = {false};
        while (true) {
            int k = choose(() -> frame(List.of(
                    "Insert the needle, about " + Readout.number(depth) + " mm.",
                    "",
                    "Technique: " + technique[0].json() + "    Needles: " + needles[0] + "    E-stim: "
                            + (stim[0] ? "on" : "off")),
                    "Enter = needle in, start the dwell timer   s/d = static/dynamic   +/- = needles   e = e-stim"),
                    "\rsd+-e");
            switch (k) {
                case 's' -> technique[0] = Technique.STATIC;
                case 'd' -> technique[0] = Technique.DYNAMIC;
                case '+' -> needles[0] = Math.min(20, needles[0] + 1);
                case '-' -> needles[0] = Math.max(1, needles[0] - 1);
                case 'e' -> stim[0] = !stim[0];
                default -> {
                    if (send(new Input.NeedleInserted(technique[0], depth, needles[0], stim[0]))) {
                        message = "Dwell timer started.";
                        alarm.reset(session.timer().orElse(null));
                    }
                    return;
                }
            }
        }
    }

    /** The dwell or the compression: the clock runs until Enter. */
    private void timed() {
        boolean dwell = session.stage() == Stage.DWELL;
        int k = choose(this::timerFrame, dwell ? "\rswngep" : "\r");
        if (!dwell) {
            TimerView before = session.timer().orElseThrow();
            if (send(new Input.CompressionEnded())) {
                message = "Compression " + Readout.time(before.seconds()) + ".";
            }
            return;
        }
        TimerView t = session.timer().orElseThrow();
        switch (k) {
            case 's', 'w', 'n' -> {
                Twitch twitch = k == 's' ? Twitch.STRONG : k == 'w' ? Twitch.WEAK : Twitch.NONE;
                if (send(new Input.TwitchMarked(twitch))) {
                    TimerView now = session.timer().orElseThrow();
                    message = "Twitch: " + twitch.json() + (now.extended() != t.extended()
                            ? (now.extended() ? ". Window is now " : ". Window is back to ") + Readout.window(now.window())
                            : "") + ".";
                    alarm.reset(now);
                }
            }
            case 'g' -> {
                if (send(new Input.DiscomfortSeen("discomfort seen"))) {
                    message = "Discomfort noted at " + Readout.time(t.seconds()) + ".";
                }
            }
            case 'e' -> {
                if (send(new Input.StimulationToggled())) {
                    message = "Electrical stimulation toggled.";
                }
            }
            case 'p' -> {
                if (send(t.paused() ? new Input.Resumed() : new Input.Paused())) {
                    message = t.paused() ? "Resumed." : "Paused: the dwell clock is stopped. p resumes.";
                }
            }
            default -> {
                if (send(new Input.NeedlesRemoved(session.needlesIn()))) {
                    message = "Needle out at " + Readout.time(t.seconds()) + ".";
                }
            }
        }
    }

    private Twitch twitch() {
        int k = choose(() -> frame(List.of("The needle is out. Twitch response seen?"),
                "s = strong   w = weak   n = none"), "swn");
        return k == 's' ? Twitch.STRONG : k == 'w' ? Twitch.WEAK : Twitch.NONE;
    }

    private void reason() {
        Point p = session.currentPoint().orElseThrow();
        boolean dwell = session.stage() == Stage.DWELL_REASON;
        String what = dwell
                ? "The dwell of " + Readout.time(p.dwell().seconds()) + " is outside its window ("
                        + Readout.window(new dev.tdn.protocol.Window(p.dwell().minSeconds(), p.dwell().maxSeconds())) + ")."
                : "Compression of " + Readout.time(p.compression().seconds()) + " is outside its window ("
                        + Readout.window(protocol.windows().compression()) + ").";
        List<String> body = new ArrayList<>(List.of(what, "That is allowed; give the reason for the record:", ""));
        for (int i = 0; i < Answers.REASONS.size(); i++) {
            body.add("  " + (i + 1) + "  " + Answers.REASONS.get(i));
        }
        body.add("  4  other (type it)");
        int k = choose(() -> frame(body, "1-4 = choose the reason"), "1234");
        String reason = k == '4' ? "" : Answers.REASONS.get(k - '1');
        while (reason.isBlank()) {
            reason = text("Reason: ", List.of());
        }
        send(new Input.Reason(reason));
    }

    private void remove() {
        int in = session.needlesIn();
        int k = choose(() -> frame(List.of(in + (in == 1 ? " needle is" : " needles are") + " still in.",
                "Nothing else goes on until every needle is out."),
                "Enter = all out   1-9 = that many out"), "\r123456789");
        int count = k == '\r' ? in : Math.min(in, k - '0');
        send(new Input.NeedlesRemoved(count));
    }

    private void close() {
        Integer painAfter = pain("Pain now, after the procedure");
        Set<AdverseEvent> seen = EnumSet.noneOf(AdverseEvent.class);
        AdverseEvent[] all = AdverseEvent.values();
        while (true) {
            List<String> body = new ArrayList<>(List.of("Adverse events seen (press a number to tick or untick):", ""));
            for (int i = 0; i < all.length; i++) {
                body.add("  " + (i + 1) + "  [" + (seen.contains(all[i]) ? "x" : " ") + "] " + all[i].json());
            }
            int k = choose(() -> frame(body, "1-9 = tick/untick   Enter = done"), "\r123456789");
            if (k == '\r') {
                break;
            }
            AdverseEvent e = all[k - '1'];
            if (!seen.remove(e)) {
                seen.add(e);
            }
        }
        List<String> aftercare = new ArrayList<>(List.of("Aftercare for the patient:"));
        protocol.aftercare().forEach(line -> aftercare.addAll(wrap("- " + line, 76)));
        aftercare.add("");
        aftercare.add("Aftercare advice given to the patient?");
        int k = choose(() -> frame(aftercare, "y = yes   n = no"), "yn");
        String notes = text("Notes (Enter for none): ", List.of());
        send(new Input.Closed(painAfter, List.copyOf(seen), k == 'y', notes));
    }

    // --- asking

    private boolean yesNo(String question) {
        return yesNo(question, "");
    }

    private boolean yesNo(String question, String detail) {
        List<String> body = new ArrayList<>(wrap(question, 76));
        if (!detail.isBlank()) {
            body.addAll(wrap(detail, 76));
        }
        return choose(() -> frame(body, "y = yes   n = no"), "yn") == 'y';
    }

    private void enter(String what, String keys) {
        choose(() -> frame(List.of(what), keys), "\r");
    }

    private Integer pain(String what) {
        while (true) {
            String typed = text(what + ", 0-10 (Enter to skip): ", List.of());
            Optional<Optional<Integer>> p = Answers.pain(typed);
            if (p.isPresent()) {
                return p.get().orElse(null);
            }
            message = "Pain is a number from 0 to 10.";
        }
    }

    private String text(String prompt, List<String> candidates) {
        String line = screen.line(frame(List.of(), ""), prompt, candidates);
        if (line == null) {
            // Ctrl-C or Ctrl-D in a text field asks, as q does
            confirmAbort();
            return text(prompt, candidates);
        }
        return line;
    }

    private boolean send(Input input) {
        Outcome outcome = sink.accept(input);
        if (outcome instanceof Outcome.Refused r) {
            message = "Not accepted: " + r.reason() + ".";
            return false;
        }
        return true;
    }

    /**
     * Shows the frame until one of {@code valid} is pressed (Enter is "\r"); handles abort and
     * help. Redraws every frame period, and sooner when a timer reaches its window's edge.
     */
    private int choose(Supplier<List<AttributedString>> frame, String valid) {
        while (true) {
            screen.draw(frame.get());
            int k;
            try {
                // the timer is read after drawing, so the time drawing took cannot make a bell late
                k = screen.key(EdgeAlarm.waitMillis(session.timer().orElse(null), timeScale));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (k == LiveScreen.TIMEOUT) {
                continue;
            }
            if (k == LiveScreen.EOF) {
                throw new InputEnded();
            }
            if (k == 'q' || k == 'Q' || k == LiveScreen.CTRL_C || k == LiveScreen.CTRL_D) {
                interrupted = k == LiveScreen.CTRL_C;
                confirmAbort();
                interrupted = false;
                continue;
            }
            if (k == '?') {
                help();
                continue;
            }
            int key = k == LiveScreen.ENTER ? '\r' : Character.toLowerCase(k);
            if (valid.indexOf(key) >= 0) {
                message = "";
                return key;
            }
            message = "That key does nothing here; ? shows the keys.";
        }
    }

    private void confirmAbort() {
        int k = choose(() -> frame(List.of("Abort the session?", "",
                "Its record is written as aborted, with what was done so far."
                        + (session.needlesIn() > 0 ? " " + session.needlesIn() + " needle(s) still in: remove them." : "")),
                "y = abort   n = go back"), "yn");
        if (k != 'y') {
            return;
        }
        List<String> body = new ArrayList<>(List.of("Why is the session ending?", ""));
        for (int i = 0; i < Answers.REASONS.size(); i++) {
            body.add("  " + (i + 1) + "  " + Answers.REASONS.get(i));
        }
        body.add("  4  other (type it)");
        body.add("  Enter  no reason");
        int r = choose(() -> frame(body, "1-4 = reason   Enter = none"), "1234\r");
        String reason = r == '\r' ? null : r == '4' ? text("Reason: ", List.of()) : Answers.REASONS.get(r - '1');
        sink.accept(new Input.Aborted(reason));
        throw new SessionOver();
    }

    private void help() {
        choose(() -> frame(List.of(
                "Enter   done / needle out / next",
                "s w n   strong, weak, no twitch (weak extends the dwell window)",
                "g       discomfort seen (such as grimacing)",
                "e       electrical stimulation on/off",
                "p       pause / resume the dwell clock",
                "q       abort the session (asks first; the record is still written)",
                "Ctrl-C  the same as q",
                "",
                "The bar: " + WindowBar.BELOW + " below minimum, " + WindowBar.INSIDE + " in the window, "
                        + WindowBar.PAST + " past maximum, " + WindowBar.EDGE + " window edges."),
                "any of the keys above closes this help"), "\r swngepq?ynlr0123456789-+d");
    }

    // --- drawing

    private List<AttributedString> timerFrame() {
        TimerView t = session.timer().orElseThrow();
        long now = System.nanoTime();
        if (alarm.crossed(t, now)) {
            screen.bell();
            message = t.zone() == TimerView.Zone.IN_WINDOW ? "Minimum reached." : "Maximum passed.";
        }
        List<AttributedString> body = new ArrayList<>(TimerPanel.render(t, screen.size().getColumns(),
                screen.unicode(), colour, alarm.flashing(now)));
        if (t.kind() == TimerView.Kind.DWELL) {
            Point p = session.currentPoint().orElseThrow();
            body.add(new AttributedString("  Twitch: " + (p.twitch() == null ? "not marked" : p.twitch().json())
                    + "    Needles in: " + session.needlesIn() + "    Discomfort noted: " + p.discomfort().size()));
        }
        return frameOf(body, t.kind() == TimerView.Kind.DWELL ? DWELL_KEYS : COMPRESSION_KEYS);
    }

    private List<AttributedString> frame(List<String> body, String keys) {
        List<AttributedString> lines = new ArrayList<>();
        body.forEach(b -> lines.add(new AttributedString("  " + b)));
        return frameOf(lines, keys);
    }

    /** Header, step and instruction, the body, then the keys and the last message at the bottom. */
    private List<AttributedString> frameOf(List<AttributedString> body, String keys) {
        int cols = screen.size().getColumns();
        int rows = screen.size().getRows();
        List<AttributedString> out = new ArrayList<>();
        String training = session.setup().training() ? "  [TRAINING]" : "";
        out.add(new AttributedStringBuilder().style(AttributedStyle.BOLD).append(" tdn").style(AttributedStyle.DEFAULT)
                .append("  patient " + session.setup().patient().id() + "  protocol " + protocol.name() + " v"
                        + protocol.version() + training).toAttributedString());
        out.add(new AttributedString("-".repeat(Math.max(10, cols - 1))));
        String step = session.stage().step().json().toUpperCase(Locale.ROOT).replace('-', ' ');
        String where = session.currentPoint().map(p -> "   point " + p.n() + ofPlanned() + ": " + p.muscle()
                + (p.side() == null ? "" : ", " + p.side().json())).orElse("");
        out.add(new AttributedStringBuilder().style(AttributedStyle.BOLD).append(" " + step).style(AttributedStyle.DEFAULT)
                .append(where).toAttributedString());
        for (String line : wrap(protocol.instruction(session.stage().step()), cols - 4).stream().limit(3).toList()) {
            out.add(new AttributedString("  " + line));
        }
        out.add(AttributedString.EMPTY);
        List<String> keyLines = wrap(keys, cols - 3).stream().limit(2).toList();
        // the keys and the message always show; a long body gives way on a small terminal
        int room = Math.max(0, rows - 1 - out.size() - 2 - keyLines.size());
        out.addAll(body.subList(0, Math.min(body.size(), room)));
        while (out.size() < rows - 1 - 2 - keyLines.size()) {
            out.add(AttributedString.EMPTY);
        }
        out.add(new AttributedString("-".repeat(Math.max(10, cols - 1))));
        keyLines.forEach(k -> out.add(new AttributedString(" " + k)));
        out.add(new AttributedStringBuilder().style(AttributedStyle.BOLD).append(" " + message).toAttributedString());
        return out;
    }

    private String ofPlanned() {
        int k = Math.max(planned.size(), session.pointsSoFar());
        return planned.isEmpty() ? "" : " of " + k;
    }

    private Optional<PlannedPoint> plannedPoint(int index) {
        return index < planned.size() ? Optional.of(planned.get(index)) : Optional.empty();
    }

    /** Words to lines of at most {@code width}; runs of three spaces (key groups) stay together. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.contains("   ") ? text.split("   ") : text.split("\\s+");
        String gap = text.contains("   ") ? "   " : " ";
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + gap.length() + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(gap);
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
