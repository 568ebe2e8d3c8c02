package dev.tdn.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tdn.Hostile;
import dev.tdn.record.Deviation;
import dev.tdn.record.Point;
import dev.tdn.record.SessionRecord;
import dev.tdn.record.Side;
import dev.tdn.record.Status;

/**
 * The plain console, in process, on a hand-moved clock: every prompt of a whole session is
 * pinned by a transcript (src/test/resources/transcripts/), because scripts rely on them
 * (examples/scripted-session.md). When a prompt changes on purpose, refresh the transcript with
 * {@code mvn test -Dtest=LineSessionTest -Dtranscripts.update=true} and update that document and
 * its script in the same commit.
 */
class LineSessionTest {

    /** One answer, given {@code after} seconds after the prompt it answers. */
    record Say(double after, String line) {
    }

    static Say at(double after, String line) {
        return new Say(after, line);
    }

    static Say say(String line) {
        return new Say(1, line);
    }

    /** Runs the answers through a LineSession; the transcript shows each answer after "> ". */
    static String converse(Rehearsal r, List<Say> answers) {
        StringWriter transcript = new StringWriter();
        PrintWriter out = new PrintWriter(transcript, true);
        Deque<Say> left = new ArrayDeque<>(answers);
        BufferedReader in = new BufferedReader(new StringReader("")) {
            @Override
            public String readLine() {
                Say next = left.poll();
                if (next == null) {
                    return null;
                }
                r.ticker.advanceSeconds(next.after());
                out.println("> " + next.line());
                return next.line();
            }
        };
        LineSession.Ending ending = new LineSession(r.flow, in, out).run();
        out.println("[" + ending + "]");
        assertThat(left).as("answers never asked for").isEmpty();
        return transcript.toString();
    }

    static void matchesTranscript(String actual, String name) throws IOException {
        Path golden = Path.of("src/test/resources/transcripts", name);
        if (Boolean.getBoolean("transcripts.update") || !Files.exists(golden)) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("the plain prompts changed: refresh %s on purpose (see this class)", golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    static List<Say> screenedAndPrepared() {
        return List.of(say("y"), say("y"), say(""), say("6"), say(""), say(""), say(""), say(""));
    }

    static List<Say> concat(List<Say> a, List<Say> b) {
        List<Say> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aWholeTwoPointSessionAsEveryPromptReads() throws IOException {
        Rehearsal r = new Rehearsal("upper trapezius:left", "levator scapulae:right");
        String transcript = converse(r, List.of(
                say("y"), say("y"), say("9"), say("y"), say("6"),
                say(""), say(""), say(""), say(""),
                // point 1: the planned muscle and side, a bounced Enter taken back with undo
                say(""), say(""), say(""), say("y"), say("y"), say("dynamic 12mm"),
                at(0.4, ""), at(0.5, "undo"),
                at(7, "s"), at(3, "g grimacing"), at(2, "p"), at(20, "p"), at(20, "e"), at(13, ""),
                say(""), say(""), at(40, ""), say("y"), say("y"), say("y"),
                // point 2: an abbreviation, then a name not in the catalogue confirmed
                say("trap"), say("n"), say("rhomboids"), say("y"), say("r"), say("lower border"), say("y"),
                say("n"), say(""), at(50, "w"), at(100, ""),
                say(""), say(""), at(20, ""), say("4"), say("patient asked to stop"), say("n"), say("n"),
                say(""), say("3"), say("soreness, 2"), say("y"), say("Talked through aftercare.")));

        matchesTranscript(transcript, "two-point-session.txt");
        SessionRecord rec = r.session.record();
        assertThat(rec.status()).isEqualTo(Status.COMPLETED);
        Point first = rec.points().get(0);
        assertThat(first.muscle()).isEqualTo("upper trapezius");
        assertThat(first.side()).isEqualTo(Side.LEFT);
        assertThat(first.depthMm()).isEqualTo(12.0);
        // the bounced needle-out was undone: the needle stayed in from insertion to the real removal
        assertThat(first.dwell().seconds()).isEqualTo(45.9);
        assertThat(first.dwell().pausedSeconds()).isEqualTo(20.0);
        assertThat(rec.deviations()).extracting(Deviation::step).containsExactly(dev.tdn.record.Step.COMPRESSION);
        assertThat(rec.deviations().get(0).reason()).isEqualTo("patient asked to stop");
        assertThat(rec.points().get(1).muscle()).isEqualTo("rhomboids");
        assertThat(rec.screening().answers()).filteredOn(a -> a.answer()).extracting(a -> a.item())
                .containsExactly("diabetes");
        assertThat(rec.adverseEvents()).extracting(e -> e.json()).containsExactly("soreness", "bruising");
        assertThat(rec.events()).extracting(e -> e.type()).contains("input.undone", "precaution.accepted");
    }

    @Test
    void undoStepsBackThroughAPointsQuestionsOneAtATime() throws IOException {
        Rehearsal r = new Rehearsal();
        String transcript = converse(r, concat(screenedAndPrepared(), List.of(
                say("deltoid"), say("l"), say("undo"), say("undo"), say("gluteus medius"), say("r"), say(""),
                say("y"), say("n"), say("undo"), say("n"), say("undo"), say("abort"), say("y"), say("1"))));

        assertThat(transcript).containsSubsequence("> undo", "Undone: the side.", "> undo", "Undone: the muscle.",
                "Point 1: muscle:", "> gluteus medius", "> undo", "Undone: whether the pain is referred.",
                "Point 1: pain referred elsewhere? [y/n]");
        SessionRecord rec = r.session.record();
        assertThat(rec.status()).isEqualTo(Status.ABORTED);
        // every answer still in force is in the record; the one taken back last is unknown, not "no"
        assertThat(rec.points()).singleElement().satisfies(p -> {
            assertThat(p.muscle()).isEqualTo("gluteus medius");
            assertThat(p.side()).isEqualTo(Side.RIGHT);
            assertThat(p.palpation().reproducesPain()).isTrue();
            assertThat(p.palpation().referredPain()).isNull();
        });
        assertThat(rec.notes()).isEqualTo("Aborted: patient request");
    }

    @Test
    void anAbsoluteContraindicationOnTheChecklistEndsTheSessionAsNotDone() throws IOException {
        Rehearsal r = new Rehearsal();
        String transcript = converse(r, List.of(say("y"), say("y"), say("7, 2")));

        assertThat(transcript).contains("Absolute contraindication: no dry needling today.").endsWith("[FINISHED]\n");
        assertThat(r.session.record().status()).isEqualTo(Status.NOT_DONE);
    }

    @Test
    void answersThatAreNotUnderstoodAreAskedAgainNamingWhatIsAccepted() throws IOException {
        Rehearsal r = new Rehearsal();
        String transcript = converse(r, List.of(say("maybe"), say("y"), say("y"), say("16"), say("1 x"), say("")));

        assertThat(transcript).containsSubsequence("Informed consent confirmed? [y/n]", "> maybe",
                "Not understood. Please answer y or n.", "Informed consent confirmed? [y/n]",
                "> 16", "Not understood. Please answer the numbers of the items that apply",
                "> 1 x", "Not understood.", "Pain now, 0-10");
        // the checklist is listed once, not again with each wrong answer
        assertThat(transcript.split("Needle phobia", -1)).hasSize(2);
    }

    @Test
    void thePlannedSideIsOfferedOnlyForThePlannedMuscle() throws IOException {
        Rehearsal r = new Rehearsal("upper trapezius:left");
        String transcript = converse(r, concat(screenedAndPrepared(), List.of(say("deltoid"), say(""), say("r"))));

        assertThat(transcript).contains("Point 1: side, l/r/- (- for midline):\n> \nNot understood.");
    }

    @Test
    void anAbbreviationIsTheCatalogueMuscleWithoutAQuestionAndKeepsThePlannedSide() throws IOException {
        Rehearsal r = new Rehearsal("UT:left");
        String transcript = converse(r, concat(screenedAndPrepared(), List.of(say("Upper  Trapezius"), say(""),
                say(""), say("y"), say("n"), say("abort"), say("y"), say(""))));

        assertThat(transcript).doesNotContain("not in the muscle catalogue")
                .contains("Point 1: side, l/r/- (- for midline) [left]:");
        Point p = r.session.record().points().get(0);
        assertThat(p.muscle()).isEqualTo("upper trapezius");
        assertThat(p.side()).isEqualTo(Side.LEFT);
    }

    @Test
    void theEndOfInputAbortsTheSessionAndSaysSo() throws IOException {
        Rehearsal r = new Rehearsal();
        String transcript = converse(r, List.of(say("y")));

        assertThat(transcript).contains("Input ended: the session is aborted and its record written.")
                .endsWith("[INPUT_ENDED]\n");
        assertThat(r.session.record().status()).isEqualTo(Status.ABORTED);
    }

    @Test
    void helpAndAbortWorkAtAnyPrompt() throws IOException {
        Rehearsal r = new Rehearsal();
        String transcript = converse(r, List.of(say("?"), say("y"), say("abort"), say("n"), say("abort"), say("y"),
                say("4"), say("fire alarm")));

        assertThat(transcript).contains("Type undo to take back your last answer.", "Not aborted; the session goes on.",
                "Reason for stopping, in your words (Enter to skip):");
        assertThat(r.session.record().notes()).isEqualTo("Aborted: fire alarm");
    }

    @Test
    void aHostileProtocolsTextAndAMuscleTypedWithEscapesArePrintedNeutralised() {
        Rehearsal r = new Rehearsal(Hostile.protocol(Rehearsal.STANDARD, Hostile.ESCAPES), "MRN\u009b2J\u202e1");
        String transcript = converse(r, concat(screenedAndPrepared(), List.of(say("rhomb\u001b]0;x\u0007oids"))));

        // the answers echoed by this test are the typist's own; what tdn printed is the rest
        String printed = String.join("\n", transcript.lines().filter(l -> !l.startsWith("> ")).toList());
        Hostile.assertPrintable("the plain lines", printed);
        assertThat(printed).contains("\uFFFD[2J\uFFFD]0;owned\uFFFD\uFFFD2J\uFFFDevil\uFFFD")
                .contains("rhomb\uFFFD]0;x\uFFFDoids");
        assertThat(r.session.record().status()).isEqualTo(Status.ABORTED);
    }
}
