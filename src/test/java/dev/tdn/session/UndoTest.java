package dev.tdn.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tdn.record.Dwell;
import dev.tdn.record.Event;
import dev.tdn.record.SessionRecord;
import dev.tdn.record.Side;
import dev.tdn.record.Status;
import dev.tdn.record.Twitch;

/** Undo, as a clinician meets it: a bounced key or a wrong answer taken back, the record honest. */
class UndoTest {

    final SessionDriver s = new SessionDriver();

    @Test
    void aBouncedNeedleOutUndoneLeavesTheDwellRunningAsIfTheClockNeverStopped() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted();
        s.after(0.4).removed();
        assertThat(s.session.stage()).isEqualTo(Stage.TWITCH);

        s.after(1.1).ok(new Input.Undo());
        assertThat(s.session.stage()).isEqualTo(Stage.DWELL);
        assertThat(s.session.needlesIn()).isEqualTo(1);
        assertThat(s.session.timer().orElseThrow().seconds()).isEqualTo(1.5);

        s.after(10).twitch(Twitch.STRONG).after(33.5).removed().compressed(40).closed();

        SessionRecord r = s.validRecord();
        assertThat(r.points().get(0).dwell()).isEqualTo(new Dwell(45.0, 30, 60, false, 0));
        assertThat(r.points().get(0).needlesRemoved()).isEqualTo(1);
        assertThat(r.deviations()).isEmpty();
        assertThat(r.events()).extracting(Event::type)
                .containsSubsequence("needle.inserted", "needles.removed", "input.undone", "twitch.marked",
                        "needles.removed");
        double mistakeAt = r.events().stream().filter(e -> e.type().equals("needles.removed")).findFirst()
                .orElseThrow().elapsedSeconds();
        assertThat(r.events()).filteredOn(e -> e.type().equals("input.undone")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("needles-removed given at " + mistakeAt + " s"))
                .satisfies(e -> assertThat(e.elapsedSeconds()).isEqualTo(mistakeAt + 1.1, within(0.001)));
    }

    @Test
    void aBelowMinimumDeviationOfTheMistakeIsGoneWithIt() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().after(2).twitch(Twitch.STRONG);
        s.after(0.3).removed();
        assertThat(s.session.stage()).isEqualTo(Stage.DWELL_REASON);
        s.ok(new Input.Reason("patient request"));

        // two undos: the reason, then the needle-out itself
        s.ok(new Input.Undo()).ok(new Input.Undo());
        assertThat(s.session.stage()).isEqualTo(Stage.DWELL);
        s.after(40).removed().compressed(40).closed();

        SessionRecord r = s.validRecord();
        assertThat(r.deviations()).isEmpty();
        assertThat(r.points().get(0).dwell().seconds()).isEqualTo(42.3);
        assertThat(r.events()).extracting(Event::type).contains("deviation.recorded");
    }

    @Test
    void aWeakTwitchUndoneGivesBackTheStandardWindow() {
        s.screenedClear().prepared().point("levator scapulae", Side.RIGHT).inserted().after(20).twitch(Twitch.WEAK);
        assertThat(s.session.timer().orElseThrow().window().minSeconds()).isEqualTo(120);
        s.ok(new Input.Undo());
        assertThat(s.session.timer().orElseThrow().window().minSeconds()).isEqualTo(30);
        assertThat(s.session.timer().orElseThrow().extended()).isFalse();
    }

    @Test
    void anUndonePauseNeverStoppedTheClock() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().after(10).ok(new Input.Paused());
        s.after(20).ok(new Input.Undo());
        assertThat(s.session.timer().orElseThrow().paused()).isFalse();
        assertThat(s.session.timer().orElseThrow().seconds()).isEqualTo(30.0);
    }

    @Test
    void theWrongMuscleUndoneIsAskedAgainAndTheRecordStaysValidIfTheSessionEndsThere() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().after(8).twitch(Twitch.STRONG)
                .after(32).removed().compressed(40).ok(new Input.AnotherPoint(true)).point("deltoid", Side.LEFT);
        assertThat(s.session.pointsSoFar()).isEqualTo(2);

        s.ok(new Input.Undo());
        assertThat(s.session.stage()).isEqualTo(Stage.IDENTIFY);
        assertThat(s.session.pointsSoFar()).isEqualTo(1);
        s.ok(new Input.Aborted("patient had to leave"));

        SessionRecord r = s.validRecord();
        assertThat(r.status()).isEqualTo(Status.ABORTED);
        assertThat(r.points()).hasSize(1);
        assertThat(r.events()).filteredOn(e -> e.type().equals("point.identified")).last()
                .satisfies(e -> assertThat(e.point()).isNull())
                .satisfies(e -> assertThat(e.detail()).isEqualTo("point 2 (undone): deltoid"));
    }

    @Test
    void thereIsNothingToUndoBeforeTheFirstAnswer() {
        assertThat(s.session.canUndo()).isFalse();
        assertThat(s.refused(new Input.Undo())).isEqualTo("nothing to undo");
        assertThat(s.record().events()).extracting(Event::type).containsExactly("session.started");
    }

    @Test
    void aFinishedSessionCannotBeUndone() {
        s.screenedClear().prepared().needled("upper trapezius", Side.LEFT).closed();
        assertThat(s.session.canUndo()).isFalse();
        assertThat(s.refused(new Input.Undo())).contains("ended");
    }

    @Test
    void aSessionResumedAfterAnOutageSaysWhichPartOfTheDwellWasEstimated() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().after(10);
        // tdn died here; the resumed clock went on 25 s later (by the wall clock)
        s.after(25).ok(new Input.SessionResumed(25_000_000_000L));
        s.after(5).twitch(Twitch.STRONG).removed().compressed(40).closed();

        SessionRecord r = s.validRecord();
        assertThat(r.status()).isEqualTo(Status.RESUMED);
        assertThat(r.points().get(0).dwell()).isEqualTo(new Dwell(40.0, 30, 60, false, 0, 25.0));
        assertThat(r.points().get(0).compression().estimatedSeconds()).isNull();
        assertThat(r.events()).filteredOn(e -> e.type().equals("session.resumed")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("outage of 25.0 s, estimated from the wall clock"));
    }

    @Test
    void aResumeWhoseOutageCannotBeEstimatedSaysSoAndCountsNone() {
        s.screenedClear().ok(new Input.SessionResumed(null)).prepared().needled("deltoid", Side.RIGHT).closed();

        SessionRecord r = s.validRecord();
        assertThat(r.status()).isEqualTo(Status.RESUMED);
        assertThat(r.points().get(0).dwell().estimatedSeconds()).isNull();
        assertThat(r.events()).anySatisfy(e -> assertThat(e.detail()).contains("unknown length"));
    }

    @Test
    void theChecklistRecordsEveryAnswerOnItsOwnAndEachPrecautionNeedsItsGoAhead() {
        s.ok(new Input.Consent(true)).ok(new Input.Scope(true));
        s.ok(new Input.ScreeningChecked(List.of("bleeding-or-anticoagulants", "pregnancy")));
        assertThat(s.session.stage()).isEqualTo(Stage.PRECAUTION);
        assertThat(s.session.screeningItem().orElseThrow().id()).isEqualTo("bleeding-or-anticoagulants");
        assertThat(s.refused(new Input.PrecautionConfirmed("pregnancy", true))).contains("bleeding-or-anticoagulants");
        s.ok(new Input.PrecautionConfirmed("bleeding-or-anticoagulants", true));
        assertThat(s.session.screeningItem().orElseThrow().id()).isEqualTo("pregnancy");
        s.ok(new Input.PrecautionConfirmed("pregnancy", true)).ok(new Input.PainBefore(4));
        s.prepared().needled("upper trapezius", Side.LEFT).closed();

        SessionRecord r = s.validRecord();
        assertThat(r.screening().cleared()).isTrue();
        assertThat(r.screening().answers()).hasSize(Protocols.STANDARD.screening().size());
        assertThat(r.screening().answers()).filteredOn(a -> a.answer()).extracting(a -> a.item())
                .containsExactly("bleeding-or-anticoagulants", "pregnancy");
        assertThat(r.events()).filteredOn(e -> e.type().equals("precaution.accepted")).hasSize(2);
    }

    @Test
    void anAbsoluteContraindicationTickedOnTheChecklistEndsTheSessionAsNotDone() {
        s.ok(new Input.Consent(true)).ok(new Input.Scope(true))
                .ok(new Input.ScreeningChecked(List.of("bleeding-or-anticoagulants", "needle-phobia")));
        SessionRecord r = s.validRecord();
        assertThat(r.status()).isEqualTo(Status.NOT_DONE);
        assertThat(r.screening().cleared()).isFalse();
        assertThat(r.events()).extracting(Event::type).doesNotContain("precaution.accepted");
    }

    @Test
    void theChecklistRefusesAnItemTheProtocolDoesNotHave() {
        s.ok(new Input.Consent(true)).ok(new Input.Scope(true));
        assertThat(s.refused(new Input.ScreeningChecked(List.of("astrology")))).contains("astrology");
        assertThat(s.record().screening().answers()).isEmpty();
    }
}
