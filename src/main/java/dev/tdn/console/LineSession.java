package dev.tdn.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

import dev.tdn.Printable;
import dev.tdn.flow.Question;
import dev.tdn.flow.Question.Item;
import dev.tdn.flow.Reply;
import dev.tdn.flow.SessionFlow;
import dev.tdn.record.Step;

/**
 * The session as plain lines, for pipes, scripts and terminals without a screen: each prompt is
 * one line, each answer one line, in the words of {@link SessionFlow}. A timed step ends when its
 * answer line arrives, so a script controls a dwell with {@code sleep}. No escape codes, ever.
 *
 * <p>At any prompt, {@code abort} ends the session early (after a confirmation), {@code undo}
 * takes back the last answer and {@code ?} shows help. The end of input ends the session as
 * aborted; its record is still written.
 */
public final class LineSession {

    /** How the conversation ended. INTERRUPTED: aborted with Ctrl-C, which exits 130. */
    public enum Ending { FINISHED, INPUT_ENDED, INTERRUPTED }

    private final SessionFlow flow;
    private final BufferedReader in;
    private final PrintWriter out;
    private Step shownStep;
    private String shownWhere;
    private Question asked;

    public LineSession(SessionFlow flow, BufferedReader in, PrintWriter out) {
        this.flow = flow;
        this.in = in;
        this.out = out;
    }

    /** Converses until the session ends; the end of input aborts it. */
    public Ending run() {
        while (true) {
            Optional<Question> next = flow.asking();
            if (next.isEmpty()) {
                return Ending.FINISHED;
            }
            Question q = next.get();
            announce(q);
            if (!q.equals(asked)) {
                // said once per question; a question asked again after a wrong answer is just its prompt
                asked = q;
                q.lead().forEach(this::say);
                if (q.kind() == Question.Kind.CHECKLIST) {
                    q.items().forEach(this::item);
                }
            }
            say(q.prompt());
            String line = readLine();
            if (line == null) {
                if (flow.ended()) {
                    return Ending.FINISHED;
                }
                flow.abandon("input ended before the session finished");
                say("Input ended: the session is aborted and its record written.");
                return Ending.INPUT_ENDED;
            }
            Reply reply = flow.answer(line);
            reply.said().forEach(this::say);
        }
    }

    /** Prints the step's heading and instruction once, when the session reaches it. */
    private void announce(Question q) {
        Step step = q.stage().step();
        if (step == shownStep && q.where().equals(shownWhere)) {
            return;
        }
        shownStep = step;
        shownWhere = q.where();
        say("");
        say("== " + title(step) + (q.where().isEmpty() ? "" : " - " + q.where()) + " ==");
        // a step whose question already says the instruction ("Cleanse the site with alcohol.") says it once
        if (!q.instruction().isBlank() && !q.prompt().startsWith(q.instruction().strip())) {
            say(q.instruction());
        }
    }

    private void item(Item item) {
        say(String.format("%4s  %s%s", item.key(), item.group().isEmpty() ? "" : "(" + item.group() + ") ",
                item.label()));
    }

    private static String title(Step step) {
        String s = step.json().replace('-', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void say(String line) {
        // a prompt can quote a protocol's or a record's text (a step, a label, a muscle as typed)
        out.println(Printable.line(line));
        out.flush();
    }
}
