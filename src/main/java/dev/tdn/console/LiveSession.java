package dev.tdn.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import dev.tdn.Printable;
import dev.tdn.flow.Question;
import dev.tdn.flow.Question.Ask;
import dev.tdn.flow.Question.Choice;
import dev.tdn.flow.Question.Item;
import dev.tdn.flow.Question.Kind;
import dev.tdn.flow.Readout;
import dev.tdn.flow.Reply;
import dev.tdn.flow.SessionFlow;
import dev.tdn.record.Point;
import dev.tdn.session.Ticker;
import dev.tdn.session.TimerView;

/**
 * The treatment-room screen: it draws the flow's questions for gloved hands and a glance from
 * across the room, and turns single keys into the same answers a plain line would give. It
 * decides nothing clinical.
 *
 * <p>A key that arrives less than {@link #DEBOUNCE_NANOS} after the screen it would act on
 * appeared, or that repeats the previous key that soon, does not act: a bounced Enter must not
 * take a needle out that went in a moment ago.
 */
public final class LiveSession {

    /**
     * 0.3 s: a key switch's bounce and a gloved double press come well inside 0.15 s, while a
     * person who reads a new screen before pressing takes longer than 0.3 s (a simple visual
     * reaction alone is about 0.25 s), so no deliberate press is lost.
     */
    static final long DEBOUNCE_NANOS = 300_000_000L;

    private static final String GLOBAL_KEYS = "u = undo   q = abort   ? = help";
    private static final Set<Ask> ABORTING = EnumSet.of(Ask.CONFIRM_ABORT, Ask.ABORT_REASON, Ask.ABORT_REASON_TEXT);

    private final SessionFlow flow;
    private final boolean colour;
    private final double timeScale;
    private final Ticker realTime;
    private final EdgeAlarm alarm = new EdgeAlarm();
    private Screen screen;
    private String message = "";
    private Question shown;
    private long shownAt;
    private int lastKey = Integer.MIN_VALUE;
    private long lastKeyAt;
    /** The abort under way began with Ctrl-C, which a script or a person expects to end with 130. */
    private boolean byCtrlC;
    /** The checklist being ticked, and a first digit waiting for a second one. */
    private final Set<Integer> ticked = new TreeSet<>();
    private String digit = "";
    /** The insert screen's settings, until Enter puts the needle in. */
    private boolean dynamic;
    private int needles = 1;
    private boolean stimulation;
    private double depthMm;
    private int columns = 80;

    public LiveSession(SessionFlow flow, boolean colour, double timeScale) {
        this(flow, colour, timeScale, Ticker.SYSTEM);
    }

    LiveSession(SessionFlow flow, boolean colour, double timeScale, Ticker realTime) {
        this.flow = flow;
        this.colour = colour;
        this.timeScale = timeScale;
        this.realTime = realTime;
    }

    /** Runs the session on the terminal; the terminal is restored however this ends. */
    public LineSession.Ending run() throws IOException {
        return run(LiveScreen.open());
    }

    LineSession.Ending run(Screen taken) throws IOException {
        try (Screen s = taken) {
            screen = s;
            while (!flow.ended()) {
                step();
            }
            return byCtrlC ? LineSession.Ending.INTERRUPTED : LineSession.Ending.FINISHED;
        } catch (InputEnded e) {
            if (!flow.ended()) {
                flow.abandon("input ended before the session finished");
            }
            return LineSession.Ending.INPUT_ENDED;
        }
    }

    // --- one question

    private void step() {
        Question q = flow.question();
        if (!q.equals(shown)) {
            appeared(q);
        }
        if (!ABORTING.contains(q.ask())) {
            byCtrlC = false;
        }
        if ((q.kind() == Kind.TEXT || q.kind() == Kind.NUMBER) && q.keys().isEmpty()) {
            typed(q);
            return;
        }
        int k = press(q);
        if (k != Screen.TIMEOUT) {
            act(q, k);
        }
    }

    private void appeared(Question q) {
        shown = q;
        shownAt = realTime.nanos();
        ticked.clear();
        digit = "";
        if (q.ask() == Ask.INSERT) {
            dynamic = false;
            needles = 1;
            stimulation = false;
            depthMm = flow.session().setup().needle().depthMm();
        }
        if (q.kind() == Kind.TIMER) {
            alarm.reset(flow.session().timer().orElse(null));
        }
    }

    /** Draws until a key comes that may act on this screen; TIMEOUT when it is time to redraw. */
    private int press(Question q) {
        screen.draw(frame(q));
        int k;
        try {
            // the timer is read after drawing, so the time drawing took cannot make a bell late
            k = screen.key(EdgeAlarm.waitMillis(flow.session().timer().orElse(null), timeScale));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (k == Screen.EOF) {
            throw new InputEnded();
        }
        if (k == Screen.TIMEOUT) {
            return k;
        }
        long at = screen.keyArrivedAt();
        // Ctrl-C only asks, and may be a SIGINT from outside, sent the moment a screen appears
        // the second "1" of item 11 repeats the key deliberately: it completes a number
        boolean completesNumber = q.kind() == Kind.CHECKLIST && !digit.isEmpty() && Character.isDigit(k);
        boolean bounced = k != Screen.CTRL_C && (at - shownAt < DEBOUNCE_NANOS
                || (k == lastKey && !completesNumber && at - lastKeyAt < DEBOUNCE_NANOS));
        lastKey = k;
        lastKeyAt = at;
        return bounced ? Screen.TIMEOUT : k;
    }

    private void act(Question q, int k) {
        if (k == 'q' || k == 'Q' || k == Screen.CTRL_C || k == Screen.CTRL_D) {
            boolean starting = !ABORTING.contains(q.ask());
            reply(flow.answer("abort"));
            if (starting) {
                byCtrlC = k == Screen.CTRL_C;
            }
            return;
        }
        if (k == 'u' || k == 'U') {
            reply(flow.answer("undo"));
            return;
        }
        if (k == '?') {
            help();
            return;
        }
        int key = k == Screen.ENTER || k == '\n' ? Screen.ENTER : Character.toLowerCase(k);
        if (q.ask() == Ask.INSERT) {
            insertKey(q, key);
        } else if (q.kind() == Kind.CHECKLIST) {
            checklistKey(q, key);
        } else {
            chosen(q, key);
        }
    }

    private void chosen(Question q, int key) {
        for (Choice c : q.keys()) {
            if (keyOf(c) == key) {
                reply(flow.answer(c.answer()));
                return;
            }
        }
        message = "That key does nothing here; ? shows the keys.";
    }

    /** A number toggles its item; with ten items or more, a first digit waits for a possible second. */
    private void checklistKey(Question q, int key) {
        int size = q.items().size();
        if (key == Screen.ENTER) {
            if (!digit.isEmpty()) {
                toggle(Integer.parseInt(digit));
                return;
            }
            reply(flow.answer(String.join(" ", ticked.stream().map(String::valueOf).toList())));
            return;
        }
        if (key < '0' || key > '9') {
            message = "That key does nothing here; ? shows the keys.";
            return;
        }
        String typed = digit + (char) key;
        int n = Integer.parseInt(typed);
        if (n < 1 || n > size) {
            digit = "";
            message = "There is no item " + n + ".";
        } else if (n * 10 <= size) {
            // shown on the board: a second digit, or Enter for this item
            digit = typed;
        } else {
            toggle(n);
        }
    }

    private void toggle(int n) {
        digit = "";
        if (!ticked.remove(n)) {
            ticked.add(n);
        }
        message = "";
    }

    private void insertKey(Question q, int key) {
        switch (key) {
            case 's' -> dynamic = false;
            case 'd' -> dynamic = true;
            case '+', '=' -> needles = Math.min(20, needles + 1);
            case '-' -> needles = Math.max(1, needles - 1);
            case 'e' -> stimulation = !stimulation;
            case 'm' -> depth(q);
            case Screen.ENTER -> reply(flow.answer((dynamic ? "dynamic" : "static") + " " + Readout.number(depthMm) + "mm "
                    + needles + (stimulation ? " es" : "")));
            default -> message = "That key does nothing here; ? shows the keys.";
        }
    }

    private void depth(Question q) {
        String typed = line(q, "Depth in mm [" + Readout.number(depthMm) + "]: ");
        if (typed == null || typed.isBlank()) {
            return;
        }
        try {
            double mm = Double.parseDouble(typed.strip().replace("mm", ""));
            if (mm > 0 && mm <= 200) {
                depthMm = mm;
                message = "";
                return;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        message = "Depth is a number of millimetres, above 0 and at most 200.";
    }

    /** Text is typed on a line of its own, after the debounce: a bounced Enter must not accept a default. */
    private void typed(Question q) {
        screen.draw(frame(q));
        try {
            for (long wait = shownAt + DEBOUNCE_NANOS - realTime.nanos(); wait > 0;
                    wait = shownAt + DEBOUNCE_NANOS - realTime.nanos()) {
                // keys now are bounces from the screen before; they are dropped
                if (screen.key(Math.max(1, wait / 1_000_000)) == Screen.EOF) {
                    throw new InputEnded();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        screen.discardTypeAhead();
        String typed = line(q, q.text() + " ");
        if (typed == null) {
            // Ctrl-C or Ctrl-D in a text field asks, as q does; an abort begun by Ctrl-C exits 130
            boolean starting = !ABORTING.contains(q.ask());
            reply(flow.answer("abort"));
            if (starting) {
                byCtrlC = screen.cancelledByInterrupt();
            }
            return;
        }
        reply(flow.answer(typed));
    }

    private String line(Question q, String prompt) {
        List<AttributedString> context = new ArrayList<>();
        for (String l : wrap(q.lead(), width())) {
            context.add(new AttributedString("  " + l));
        }
        if (!message.isEmpty()) {
            wrap(List.of(message), width()).forEach(l -> context.add(new AttributedString("  " + l)));
        }
        context.add(AttributedString.EMPTY);
        wrap(List.of("Type, then Enter" + (q.suggestions().isEmpty() ? "" : " (Tab completes)")
                + ". Typing undo takes back your last answer; abort (or Ctrl-C) stops."), width())
                .forEach(l -> context.add(new AttributedString("  " + l)));
        context.add(AttributedString.EMPTY);
        columns = screen.size().getColumns();
        return screen.line(head(q, context), Printable.line(prompt),
                q.suggestions().stream().map(Printable::line).toList());
    }

    private void reply(Reply r) {
        message = String.join(" ", r.said());
    }

    private void help() {
        screen.draw(frameOf(shown, List.of(), List.of(
                "Enter   done / needle in / needle out / next; confirms a checklist",
                "1-9     tick or untick a checklist item (10-15: two digits)",
                "s w n   strong, weak, no twitch (weak extends the dwell window)",
                "g       discomfort seen (such as grimacing)",
                "e       electrical stimulation on/off",
                "p       pause / resume the dwell clock",
                "u       undo: take back the last answer",
                "q       abort the session (asks first; the record is still written)",
                "Ctrl-C  the same as q; an abort begun with Ctrl-C exits 130",
                "",
                "The bar: " + WindowBar.BELOW + " below minimum, " + WindowBar.INSIDE + " in the window, "
                        + WindowBar.PAST + " past maximum, " + WindowBar.EDGE + " window edges.").stream()
                .map(l -> new AttributedString("  " + l)).toList(), "any key closes this help", 0));
        try {
            while (screen.key(1000) == Screen.TIMEOUT) {
                // wait for any key
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- drawing

    private List<AttributedString> frame(Question q) {
        int width = width();
        List<AttributedString> body = new ArrayList<>();
        if (q.kind() == Kind.TIMER) {
            return frameOf(q, List.of(), timerBody(), keys(q), 0);
        }
        List<AttributedString> lead = new ArrayList<>();
        wrap(q.lead(), width).forEach(l -> lead.add(new AttributedString("  " + l)));
        if (q.ask() == Ask.INSERT) {
            body.add(new AttributedString("  Insert the needle, about "
                    + Readout.number(flow.session().setup().needle().depthMm()) + " mm."));
            body.add(AttributedString.EMPTY);
            body.add(new AttributedString("  Technique: " + (dynamic ? "dynamic" : "static") + "    Depth: "
                    + Readout.number(depthMm) + " mm    Needles: " + needles + "    E-stim: " + (stimulation ? "on" : "off")));
        } else if (q.kind() == Kind.CHECKLIST) {
            // the board is the question; the plain prompt's "type the numbers" is not for keys
            body.addAll(board(q, width));
        } else {
            body.addAll(board(q, width));
            if (!q.items().isEmpty()) {
                body.add(AttributedString.EMPTY);
            }
            wrap(List.of(q.text()), width).forEach(l -> body.add(new AttributedString("  " + l)));
        }
        return frameOf(q, lead, body, keys(q), 0);
    }

    /**
     * A checklist one item a line, so fifteen screening items fit an 80x24 screen with their
     * keys; which items stop the session and which need a go-ahead is said once, on top.
     */
    private List<AttributedString> board(Question q, int width) {
        List<AttributedString> lines = new ArrayList<>();
        boolean numbered = q.kind() == Kind.CHECKLIST;
        String groups = groupSummary(q.items());
        if (numbered && (!groups.isEmpty() || !digit.isEmpty())) {
            lines.add(new AttributedStringBuilder().style(AttributedStyle.BOLD).append("  " + groups)
                    .style(AttributedStyle.DEFAULT).append(digit.isEmpty() ? "" : "   typed: " + digit + "_")
                    .toAttributedString());
        }
        for (Item item : q.items()) {
            boolean on = numbered ? ticked.contains(Integer.parseInt(item.key())) : item.ticked();
            String mark = "[" + (on ? "x" : " ") + "] ";
            String prefix = numbered ? String.format("%4s ", item.key()) : item.current() ? "  > " : "    ";
            String indent = " ".repeat(prefix.length() + mark.length());
            List<String> wrapped = wrap(item.label(), width - indent.length());
            for (int i = 0; i < wrapped.size(); i++) {
                lines.add(new AttributedString((i == 0 ? prefix + mark : indent) + wrapped.get(i)));
            }
        }
        return lines;
    }

    /** "Stop the session: 1-5. Need your go-ahead: 6-15." */
    private static String groupSummary(List<Item> items) {
        StringBuilder sb = new StringBuilder();
        for (String group : List.of("contraindication", "precaution")) {
            List<Integer> keys = items.stream().filter(i -> i.group().equals(group))
                    .map(i -> Integer.parseInt(i.key())).toList();
            if (!keys.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(group.equals("contraindication") ? "Stop the session: "
                        : "Need your go-ahead: ").append(ranges(keys)).append('.');
            }
        }
        return sb.toString();
    }

    /** 1, 2, 3, 5 as "1-3, 5". */
    private static String ranges(List<Integer> sorted) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            int start = sorted.get(i);
            while (i + 1 < sorted.size() && sorted.get(i + 1) == sorted.get(i) + 1) {
                i++;
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(start).append(start == sorted.get(i) ? "" : "-" + sorted.get(i));
        }
        return sb.toString();
    }

    private List<AttributedString> timerBody() {
        TimerView t = flow.session().timer().orElseThrow();
        long now = realTime.nanos();
        if (alarm.crossed(t, now)) {
            screen.bell();
            message = t.zone() == TimerView.Zone.IN_WINDOW ? "Minimum reached." : "Maximum passed.";
        }
        List<AttributedString> body = new ArrayList<>(TimerPanel.render(t, screen.size().getColumns(),
                screen.unicode(), colour, alarm.flashing(now)));
        if (t.kind() == TimerView.Kind.DWELL) {
            Point p = flow.session().currentPoint().orElseThrow();
            body.add(new AttributedString("  Twitch: " + (p.twitch() == null ? "not marked" : p.twitch().json())
                    + "    Needles in: " + flow.session().needlesIn() + "    Discomfort noted: " + p.discomfort().size()));
        }
        return body;
    }

    private String keys(Question q) {
        List<String> labels = new ArrayList<>();
        if (q.ask() == Ask.INSERT) {
            labels.add("Enter = needle in, start the dwell timer");
            labels.add("s/d = static/dynamic");
            labels.add("+/- = needles");
            labels.add("m = depth");
            labels.add("e = e-stim");
        } else if (q.kind() == Kind.CHECKLIST) {
            labels.add("1-" + q.items().size() + " = tick");
        }
        q.keys().stream().map(Choice::label).filter(l -> !l.isEmpty()).forEach(labels::add);
        if (q.ask() != Ask.INSERT && (q.kind() == Kind.TEXT || q.kind() == Kind.NUMBER) && q.keys().isEmpty()) {
            labels.add("type, then Enter");
        }
        labels.add(ABORTING.contains(q.ask()) ? "u = go back" : GLOBAL_KEYS);
        return String.join("   ", labels);
    }

    /** The screen above a typed line: the header, the instruction if it fits, and {@code context}. */
    private List<AttributedString> head(Question q, List<AttributedString> context) {
        return frameOf(q, List.of(), context, "", 1);
    }

    /**
     * The header and step, the lead and the body, then the keys and the last message at the
     * bottom, all wrapped to the width. On a small terminal the protocol's instruction gives way
     * first, then the lead; the body, the keys and the message always show.
     */
    private List<AttributedString> frameOf(Question q, List<AttributedString> lead, List<AttributedString> main,
            String keys, int reserved) {
        int cols = screen.size().getColumns();
        int rows = screen.size().getRows() - 1;
        int width = width();
        List<AttributedString> top = new ArrayList<>();
        var setup = flow.session().setup();
        top.add(new AttributedStringBuilder().style(AttributedStyle.BOLD).append(" tdn").style(AttributedStyle.DEFAULT)
                .append("  patient " + setup.patient().id() + "  protocol " + setup.protocol().name() + " v"
                        + setup.protocol().version() + (setup.training() ? "  [TRAINING]" : "")).toAttributedString());
        String step = q.stage().step().json().toUpperCase(Locale.ROOT).replace('-', ' ');
        top.add(new AttributedStringBuilder().style(AttributedStyle.BOLD).append(" " + step).style(AttributedStyle.DEFAULT)
                .append(q.where().isEmpty() ? "" : "   " + where(q)).toAttributedString());
        List<String> keyLines = keys.isEmpty() ? List.of() : wrap(keys, cols - 3);
        List<String> messageLines = message.isEmpty() ? List.of() : wrap(List.of(message), cols - 3);
        List<AttributedString> bottom = new ArrayList<>();
        if (!keys.isEmpty() || !messageLines.isEmpty()) {
            bottom.add(new AttributedString("-".repeat(Math.max(10, cols - 1))));
        }
        keyLines.forEach(k -> bottom.add(new AttributedString(" " + k)));
        messageLines.forEach(m -> bottom.add(new AttributedStringBuilder().style(AttributedStyle.BOLD).append(" " + m)
                .toAttributedString()));
        List<AttributedString> body = new ArrayList<>(main);
        if (rows - top.size() - bottom.size() - main.size() - reserved >= lead.size()) {
            // the lead is shown whole or not at all: half a sentence misleads
            body.addAll(0, lead);
        }
        int room = rows - top.size() - bottom.size() - body.size() - reserved;
        // a step whose question already says its instruction ("Sanitize your hands.") says it once
        List<String> instruction = q.text().startsWith(q.instruction().strip()) ? List.of()
                : wrap(List.of(q.instruction()), width);
        List<AttributedString> out = new ArrayList<>(top);
        if (!instruction.isEmpty() && room >= instruction.size() + 1) {
            instruction.forEach(l -> out.add(new AttributedString("  " + l)));
            out.add(AttributedString.EMPTY);
        } else if (room >= 2) {
            out.add(AttributedString.EMPTY);
        }
        out.addAll(body.subList(0, Math.max(0, Math.min(body.size(), rows - out.size() - bottom.size() - reserved))));
        if (reserved > 0) {
            return printable(out);
        }
        while (out.size() < rows - bottom.size()) {
            out.add(AttributedString.EMPTY);
        }
        out.addAll(bottom);
        return printable(out);
    }

    /**
     * Every frame goes through here on its way to the terminal: a protocol's step, label or
     * aftercare line, a muscle as typed and a patient id all reach it, and an escape among them
     * would be obeyed by the terminal. The styles are kept: {@link Printable#line} keeps the length.
     */
    private static List<AttributedString> printable(List<AttributedString> lines) {
        List<AttributedString> out = new ArrayList<>(lines.size());
        for (AttributedString line : lines) {
            String text = line.toString();
            String clean = Printable.line(text);
            if (clean == text) {
                out.add(line);
                continue;
            }
            AttributedStringBuilder sb = new AttributedStringBuilder(clean.length());
            for (int i = 0; i < clean.length(); i++) {
                sb.style(line.styleAt(i)).append(clean.charAt(i));
            }
            out.add(sb.toAttributedString());
        }
        return out;
    }

    private String where(Question q) {
        int planned = flow.plannedPoints();
        int n = flow.session().currentPoint().map(Point::n).orElse(0);
        return planned == 0 || n == 0 ? q.where()
                : q.where().replaceFirst("^point " + n + ":", "point " + n + " of " + Math.max(planned, n) + ":");
    }

    private int width() {
        columns = screen.size().getColumns();
        return columns - 4;
    }

    /** The terminal's width when the screen was last drawn, for what is printed after it. */
    public int columns() {
        return columns;
    }

    static List<String> wrap(List<String> paragraphs, int width) {
        List<String> out = new ArrayList<>();
        for (String p : paragraphs) {
            if (!p.isBlank()) {
                out.addAll(wrap(p, width));
            } else if (!p.isEmpty()) {
                out.add("");
            }
        }
        return out;
    }

    /**
     * Words to lines of at most {@code width}; runs of three spaces (key groups) stay together,
     * and a word longer than a line is broken rather than cut.
     */
    static List<String> wrap(String text, int width) {
        int w = Math.max(10, width);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean groups = text.contains("   ");
        String gap = groups ? "   " : " ";
        for (String word : groups ? text.split("   ") : text.split("\\s+")) {
            String rest = word.strip();
            while (rest.length() > w) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(rest.substring(0, w));
                rest = rest.substring(w);
            }
            if (rest.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + gap.length() + rest.length() > w) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(gap);
            }
            line.append(rest);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static int keyOf(Choice c) {
        return c.key().equals(Choice.ENTER) ? Screen.ENTER : c.key().charAt(0);
    }
}
