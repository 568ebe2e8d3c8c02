package dev.tdn.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.tdn.Hostile;
import dev.tdn.record.Event;
import dev.tdn.record.Point;
import dev.tdn.record.SessionRecord;
import dev.tdn.record.Status;

/**
 * The live screen without a terminal: scripted keys on a hand-moved clock, as a clinician in
 * gloves presses them, bounces included.
 */
class LiveSessionTest {

    final Rehearsal r = new Rehearsal("upper trapezius:left");
    final ScriptedScreen screen = new ScriptedScreen(r.ticker, 80, 24);

    LineSession.Ending run() throws Exception {
        return new LiveSession(r.flow, false, 1, r.ticker).run(screen);
    }

    /** Consent, scope, a clear checklist, pain 5, the four site-prep ticks; then the planned point. */
    ScriptedScreen untilInsert() {
        return screen.press(1, "yy\n").type(1, "5").press(1, "\n\n\n\n")
                .type(1, "").press(1, ScriptedScreen.ENTER).type(1, "").press(1, "yn");
    }

    ScriptedScreen thenAbort() {
        return screen.press(1, "qy").press(1, ScriptedScreen.ENTER);
    }

    static long count(SessionRecord rec, String type) {
        return rec.events().stream().map(Event::type).filter(type::equals).count();
    }

    @Test
    void aSecondEnterWithinATenthOfASecondOfNeedleInDoesNotTakeTheNeedleOut() throws Exception {
        untilInsert().press(1, ScriptedScreen.ENTER).press(0.1, ScriptedScreen.ENTER)
                .press(44.9, 's').press(1, ScriptedScreen.ENTER);
        thenAbort();
        run();

        SessionRecord rec = r.session.record();
        Point p = rec.points().get(0);
        assertThat(count(rec, "needles.removed")).isEqualTo(1);
        assertThat(p.dwell().seconds()).isEqualTo(46.0);
        assertThat(rec.deviations()).isEmpty();
    }

    @Test
    void aBouncedEnterTicksOneSitePrepItemNotTwo() throws Exception {
        screen.press(1, "yy\n").type(1, "5").press(1, ScriptedScreen.ENTER).press(0.08, ScriptedScreen.ENTER);
        thenAbort();
        run();

        assertThat(r.session.record().sitePrep()).hasSize(1);
    }

    @Test
    void uTakesBackAMistakenNeedleOutAndTheDwellGoesOnAsIfTheClockNeverStopped() throws Exception {
        untilInsert().press(1, ScriptedScreen.ENTER).press(0.5, ScriptedScreen.ENTER);
        screen.press(1, 'u').press(38.5, 's').press(1, ScriptedScreen.ENTER);
        thenAbort();
        run();

        SessionRecord rec = r.session.record();
        Point p = rec.points().get(0);
        assertThat(p.dwell().seconds()).isEqualTo(41.0);
        assertThat(p.dwell().minSeconds()).isEqualTo(30);
        assertThat(rec.deviations()).isEmpty();
        assertThat(rec.events()).extracting(Event::type).containsSubsequence("needles.removed", "input.undone",
                "twitch.marked", "needles.removed");
    }

    @Test
    void severalNeedlesAreCountedOutOneEnterAtATime() throws Exception {
        untilInsert().press(1, "++").press(1, ScriptedScreen.ENTER).press(35, 's').press(1, ScriptedScreen.ENTER);
        screen.press(1, ScriptedScreen.ENTER).press(0.1, ScriptedScreen.ENTER).press(1, ScriptedScreen.ENTER);
        thenAbort();
        run();

        SessionRecord rec = r.session.record();
        Point p = rec.points().get(0);
        assertThat(p.needlesInserted()).isEqualTo(3);
        assertThat(p.needlesRemoved()).isEqualTo(3);
        assertThat(count(rec, "needles.removed")).isEqualTo(3);
        assertThat(screen.frames.stream().map(f -> String.join("\n", f)))
                .anyMatch(f -> f.contains("2 needle(s) still in") && f.contains("2 = both out"))
                .anyMatch(f -> f.contains("1 needle(s) still in"))
                .noneMatch(f -> f.contains("The needle is out."));
    }

    @Test
    void depthTechniqueAndStimulationAreSetOnTheInsertScreen() throws Exception {
        untilInsert().press(1, 'd').press(1, 'm').type(1, "15").press(1, 'e').press(1, ScriptedScreen.ENTER);
        thenAbort();
        run();

        Point p = r.session.record().points().get(0);
        assertThat(p.depthMm()).isEqualTo(15.0);
        assertThat(p.technique().json()).isEqualTo("dynamic");
        assertThat(p.electricalStimulation()).isTrue();
    }

    @Test
    void theScreeningChecklistTakesTwoDigitItemsAndAsksEachPrecautionInTurn() throws Exception {
        screen.press(1, "yy").press(1, "14").press(1, "9").press(1, "7").press(1, "7").press(1, ScriptedScreen.ENTER);
        String board = "";
        screen.press(1, "yy").type(1, "5");
        thenAbort();
        run();

        SessionRecord rec = r.session.record();
        assertThat(rec.screening().answers()).filteredOn(a -> a.answer()).extracting(a -> a.item())
                .containsExactly("diabetes", "implanted-device");
        assertThat(count(rec, "precaution.accepted")).isEqualTo(2);
        assertThat(rec.screening().cleared()).isTrue();
        String checklist = screen.frames.stream().map(f -> String.join("\n", f))
                .filter(f -> f.contains("[x]") && f.contains("Frail patient")).reduce(board, (a, b) -> b);
        assertThat(checklist).contains("  14 [x] Pacemaker", "   9 [x] Diabetes?", "   7 [ ] Compromised")
                .contains("Stop the session: 1-5. Need your go-ahead: 6-15.");
    }

    @Test
    void everyFrameFitsEightyByTwentyFourAndTheAbortWarningIsNeverCut() throws Exception {
        untilInsert().press(1, ScriptedScreen.ENTER).press(5, 'q');
        screen.press(1, 'y').press(1, ScriptedScreen.ENTER);
        run();

        for (var frame : screen.frames) {
            assertThat(frame.size()).isLessThanOrEqualTo(23);
            assertThat(frame).allSatisfy(line -> assertThat(line.length()).isLessThan(80));
        }
        String abort = screen.frames.stream().map(f -> String.join(" ", f).replaceAll("\\s+", " "))
                .filter(f -> f.contains("Abort the session?")).findFirst().orElseThrow();
        assertThat(abort).contains("1 needle is still in the patient: remove it before the patient leaves.");
        assertThat(r.session.record().status()).isEqualTo(Status.ABORTED);
    }

    @Test
    void ctrlCAsksFirstAndAnAbortByCtrlCEndsAsInterrupted() throws Exception {
        screen.press(1, ScriptedScreen.CTRL_C).press(1, 'n').press(1, ScriptedScreen.CTRL_C).press(1, 'y')
                .press(1, ScriptedScreen.ENTER);

        assertThat(run()).isEqualTo(LineSession.Ending.INTERRUPTED);
        assertThat(r.session.record().status()).isEqualTo(Status.ABORTED);
        assertThat(screen.closed).isTrue();
    }

    @Test
    void item11TypedQuicklyIsItem11NotABouncedOne() throws Exception {
        screen.press(1, "yy").press(1, '1').press(0.1, '1').press(1, ScriptedScreen.ENTER).press(1, 'y').type(1, "5");
        thenAbort();
        run();

        assertThat(r.session.record().screening().answers()).filteredOn(a -> a.answer()).extracting(a -> a.item())
                .containsExactly("epilepsy");
    }

    @Test
    void ctrlCIsNeverTakenForABounceSinceItOnlyAsks() throws Exception {
        screen.press(0.01, ScriptedScreen.CTRL_C).press(1, 'y').press(1, ScriptedScreen.ENTER);

        assertThat(run()).isEqualTo(LineSession.Ending.INTERRUPTED);
    }

    @Test
    void aWeakTwitchRingsTheBellAtTheExtendedMinimumNotTheStandardOne() throws Exception {
        untilInsert().press(1, ScriptedScreen.ENTER).press(20, 'w').idle(150);
        thenAbort();
        run();

        assertThat(screen.bells).isEqualTo(1);
        assertThat(screen.frames.stream().map(f -> String.join("\n", f)))
                .anyMatch(f -> f.contains("window 2:00-3:00 (extended: weak twitch)") && f.contains("IN WINDOW"));
    }

    @Test
    void aHostileProtocolsTextAndPatientIdAreShownWithTheirEscapesNeutralised() throws Exception {
        Rehearsal hostile = new Rehearsal(Hostile.protocol(Rehearsal.STANDARD, Hostile.ESCAPES),
                "MRN\u009b2J\u202e1", "upper trapezius:left");
        ScriptedScreen shown = new ScriptedScreen(hostile.ticker, 80, 24);
        // as untilInsert(), then the dwell, cleansing, compression and an abort with the help shown once
        shown.press(1, "yy\n").type(1, "5").press(1, "\n\n\n\n").type(1, "").press(1, ScriptedScreen.ENTER)
                .type(1, "").press(1, "yn").press(1, ScriptedScreen.ENTER).press(40, 's').press(1, ScriptedScreen.ENTER)
                .press(1, '?').press(1, 'x').press(1, "qy").press(1, ScriptedScreen.ENTER);
        new LiveSession(hostile.flow, false, 1, hostile.ticker).run(shown);

        String all = String.join("\n", shown.frames.stream().map(f -> String.join("\n", f)).toList()) + "\n"
                + String.join("\n", shown.prompts);
        Hostile.assertPrintable("the live screen", all);
        // shown, as U+FFFD, not dropped: the clinician sees that the protocol holds something odd
        assertThat(all).contains("\uFFFD[2J\uFFFD]0;owned\uFFFD\uFFFD2J\uFFFDevil\uFFFD").contains("MRN\uFFFD2J\uFFFD1");
        assertThat(hostile.session.record().status()).isEqualTo(Status.ABORTED);
    }
}
