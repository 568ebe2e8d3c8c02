package dev.tdn.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Billing;
import dev.tdn.record.Deviation;
import dev.tdn.record.Dwell;
import dev.tdn.record.Event;
import dev.tdn.record.Point;
import dev.tdn.record.RecordJson;
import dev.tdn.record.SessionRecord;
import dev.tdn.record.Side;
import dev.tdn.record.Status;
import dev.tdn.record.Step;
import dev.tdn.record.Technique;
import dev.tdn.record.Twitch;

/** The engine's rules, each as a scenario: inputs in, record out, on a hand-moved clock. */
class SessionTest {

    final SessionDriver s = new SessionDriver();

    @Test
    void aWeakTwitchMarkedAt50sExtendsTheWindowSoRemovalAt150sIsNoDeviation() {
        s.screenedClear().prepared().point("levator scapulae", Side.RIGHT).inserted();
        s.after(50).twitch(Twitch.WEAK);

        assertThat(s.session.timer().orElseThrow().window().minSeconds()).isEqualTo(120);
        assertThat(s.session.timer().orElseThrow().zone()).isEqualTo(TimerView.Zone.BELOW_MINIMUM);
        s.after(100).removed().compressed(40).closed();

        SessionRecord r = s.validRecord();
        Point p = r.points().get(0);
        assertThat(p.dwell()).isEqualTo(new Dwell(150.0, 120, 180, true, 0));
        assertThat(p.twitch()).isEqualTo(Twitch.WEAK);
        assertThat(r.deviations()).isEmpty();
        assertThat(r.events()).extracting(Event::type).contains("twitch.marked", "dwell.extended");
    }

    @Test
    void removingAStrongTwitchAt22sIsABelowMinimumDeviationThatNeedsAReason() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().after(5).twitch(Twitch.STRONG);
        s.after(17);

        assertThat(s.session.timer().orElseThrow().endingNeedsReason()).isTrue();
        s.ok(new Input.NeedlesRemoved(1));
        assertThat(s.session.stage()).isEqualTo(Stage.DWELL_REASON);
        assertThat(s.refused(new Input.SiteCleansed())).contains("reason");
        // answering takes time; the dwell ended when the needle came out
        s.after(30);
        assertThat(s.refused(new Input.Reason("  "))).contains("give a short reason");
        s.ok(new Input.Reason("patient asked to stop")).compressed(40).closed();

        SessionRecord r = s.validRecord();
        assertThat(r.points().get(0).dwell().seconds()).isEqualTo(22.0);
        assertThat(r.deviations()).containsExactly(new Deviation(1, Step.DWELL, Deviation.Rule.BELOW_MINIMUM,
                "needle removed at 22.0 s; window 30-60 s", "patient asked to stop"));
    }

    @Test
    void pastTheMaximumIsAnAboveMaximumDeviation() {
        s.screenedClear().prepared().point("gluteus medius", Side.RIGHT).inserted().twitch(Twitch.NONE).after(75)
                .ok(new Input.NeedlesRemoved(1)).ok(new Input.Reason("clinical judgement")).compressed(40).closed();

        assertThat(s.validRecord().deviations()).singleElement()
                .satisfies(d -> assertThat(d.rule()).isEqualTo(Deviation.Rule.ABOVE_MAXIMUM));
    }

    @Test
    void theWindowsEdgesAreInside() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().twitch(Twitch.STRONG)
                .after(30).removed().after(4).ok(new Input.SiteCleansed()).ok(new Input.CompressionStarted())
                .after(60).ok(new Input.CompressionEnded()).ok(new Input.Bleeding(false, false)).closed();

        assertThat(s.validRecord().deviations()).isEmpty();
    }

    @Test
    void theWindowIsJudgedToTheMillisecond() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().twitch(Twitch.STRONG).after(29.999);

        assertThat(s.session.timer().orElseThrow().zone()).isEqualTo(TimerView.Zone.BELOW_MINIMUM);
        s.after(0.001);
        assertThat(s.session.timer().orElseThrow().zone()).isEqualTo(TimerView.Zone.IN_WINDOW);
        s.after(30.001);
        assertThat(s.session.timer().orElseThrow().zone()).isEqualTo(TimerView.Zone.ABOVE_MAXIMUM);
        s.removed().ok(new Input.Reason("clinical judgement")).compressed(40).closed();

        SessionRecord r = s.validRecord();
        assertThat(r.points().get(0).dwell().seconds()).isEqualTo(60.001);
        assertThat(r.deviations().get(0).detail()).isEqualTo("needle removed at 60.001 s; window 30-60 s");
    }

    @Test
    void pausedTimeIsExcludedFromTheDwellAndRecorded() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().after(5).twitch(Twitch.STRONG);
        s.after(5).ok(new Input.Paused());
        s.after(30);

        assertThat(s.session.timer().orElseThrow().seconds()).isEqualTo(10.0);
        assertThat(s.session.timer().orElseThrow().paused()).isTrue();
        s.ok(new Input.Resumed()).after(30).removed().compressed(40).closed();

        Dwell dwell = s.validRecord().points().get(0).dwell();
        assertThat(dwell.seconds()).isEqualTo(40.0);
        assertThat(dwell.pausedSeconds()).isEqualTo(30.0);
        assertThat(s.record().deviations()).isEmpty();
    }

    @Test
    void removingWhilePausedEndsThePause() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().twitch(Twitch.STRONG)
                .after(35).ok(new Input.Paused()).after(20).removed().compressed(40).closed();

        assertThat(s.validRecord().points().get(0).dwell()).isEqualTo(new Dwell(35.0, 30, 60, false, 20.0));
    }

    @Test
    void needlesRemovedMustEqualNeedlesInsertedBeforeTheNextStep() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT)
                .after(5).ok(new Input.NeedleInserted(Technique.STATIC, 12, 3, false)).twitch(Twitch.STRONG).after(40);
        s.ok(new Input.NeedlesRemoved(2));

        assertThat(s.session.stage()).isEqualTo(Stage.REMOVE);
        assertThat(s.session.needlesIn()).isEqualTo(1);
        assertThat(s.refused(new Input.SiteCleansed())).contains("remaining needles");
        assertThat(s.refused(new Input.NeedlesRemoved(2))).contains("1 needle is in");
        s.ok(new Input.NeedlesRemoved(1)).compressed(40).closed();

        Point p = s.validRecord().points().get(0);
        assertThat(p.needlesInserted()).isEqualTo(3);
        assertThat(p.needlesRemoved()).isEqualTo(3);
    }

    @Test
    void aTwitchMarkedOnlyAfterRemovalIsAskedThenDecidesTheWindow() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().after(130).removed();

        assertThat(s.session.stage()).isEqualTo(Stage.TWITCH);
        assertThat(s.refused(new Input.SiteCleansed())).contains("twitch");
        s.after(20).twitch(Twitch.WEAK).compressed(40).closed();

        SessionRecord r = s.validRecord();
        assertThat(r.points().get(0).dwell()).isEqualTo(new Dwell(130.0, 120, 180, true, 0));
        assertThat(r.deviations()).isEmpty();
    }

    @Test
    void stepsComeInProtocolOrder() {
        s.screenedClear();

        assertThat(s.refused(new Input.NeedleInserted(Technique.STATIC, 10, 1, false))).contains("site-prep");
        s.prepared();
        assertThat(s.refused(new Input.NeedleInserted(Technique.STATIC, 10, 1, false))).contains("trigger point");
        assertThat(s.refused(new Input.HandsSanitized())).startsWith("not now");
    }

    @Test
    void anAbsoluteContraindicationEndsTheSessionAsNotDoneWithItsRecord() {
        s.ok(new Input.Consent(true)).ok(new Input.Scope(true)).after(2)
                .ok(new Input.ScreeningAnswered("needle-phobia", true));

        assertThat(s.session.ended()).isTrue();
        SessionRecord r = s.validRecord();
        assertThat(r.status()).isEqualTo(Status.NOT_DONE);
        assertThat(r.screening().cleared()).isFalse();
        assertThat(r.screening().answers()).singleElement().satisfies(a -> assertThat(a.answer()).isTrue());
        assertThat(r.points()).isEmpty();
        assertThat(r.billing()).isEqualTo(new Billing(0, null));
    }

    @Test
    void noConsentMeansNotDone() {
        s.ok(new Input.Consent(false));

        assertThat(s.validRecord().status()).isEqualTo(Status.NOT_DONE);
    }

    @Test
    void aPrecautionNeedsConfirmationAndIsRecorded() {
        s.ok(new Input.Consent(true)).ok(new Input.Scope(true)).ok(new Input.ScreeningAnswered("needle-phobia", false))
                .ok(new Input.ScreeningAnswered("bleeding-or-anticoagulants", true));

        assertThat(s.session.stage()).isEqualTo(Stage.PRECAUTION);
        s.ok(new Input.PrecautionConfirmed("bleeding-or-anticoagulants", true))
                .ok(new Input.ScreeningAnswered("pregnancy", false)).ok(new Input.PainBefore(null))
                .prepared().needled("upper trapezius", Side.LEFT).closed();

        SessionRecord r = s.validRecord();
        assertThat(r.screening().cleared()).isTrue();
        assertThat(r.screening().answers()).hasSize(3);
        assertThat(r.events()).extracting(Event::type).contains("precaution.accepted");
    }

    @Test
    void decliningAPrecautionStopsTheSession() {
        s.ok(new Input.Consent(true)).ok(new Input.Scope(true)).ok(new Input.ScreeningAnswered("needle-phobia", false))
                .ok(new Input.ScreeningAnswered("bleeding-or-anticoagulants", true))
                .ok(new Input.PrecautionConfirmed("bleeding-or-anticoagulants", false));

        assertThat(s.validRecord().status()).isEqualTo(Status.NOT_DONE);
    }

    @Test
    void abortingMidDwellWritesACompleteValidRecord() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().after(12)
                .ok(new Input.Aborted("patient felt faint"));

        SessionRecord r = s.validRecord();
        assertThat(r.status()).isEqualTo(Status.ABORTED);
        assertThat(r.points().get(0).needlesRemoved()).isZero();
        assertThat(r.notes()).isEqualTo("Aborted: patient felt faint");
        assertThat(r.endedAt()).isEqualTo(r.startedAt().plusSeconds(46));
        assertThat(s.refused(new Input.SiteCleansed())).contains("ended");
    }

    @Test
    void threeMusclesBill20561AndLeftAndRightAreTwo() {
        s.screenedClear().prepared().needled("upper trapezius", Side.LEFT).ok(new Input.AnotherPoint(true))
                .needled("upper trapezius", Side.RIGHT).ok(new Input.AnotherPoint(true))
                .needled("levator scapulae", Side.LEFT).closed();

        SessionRecord r = s.validRecord();
        assertThat(r.billing()).isEqualTo(new Billing(3, "20561"));
        assertThat(r.points()).extracting(Point::n).containsExactly(1, 2, 3);
    }

    @Test
    void abbreviationsAndOtherSpellingsAreRecordedByTheCataloguesNameAndBillOneMuscle() {
        s.screenedClear().prepared().needled("UT", Side.LEFT).ok(new Input.AnotherPoint(true))
                .needled("upper trap", Side.LEFT).ok(new Input.AnotherPoint(true))
                .needled(" Upper  Trapezius", Side.LEFT).closed();

        SessionRecord r = s.validRecord();
        assertThat(r.points()).extracting(Point::muscle, Point::muscleOf, Point::listed)
                .containsOnly(tuple("upper trapezius", "trapezius", true));
        assertThat(r.billing()).isEqualTo(new Billing(1, "20560"));
        assertThat(r.events()).filteredOn(e -> e.type().equals("point.identified")).extracting(Event::detail)
                .containsOnly("upper trapezius");
    }

    @Test
    void upperAndLowerTrapeziusOnTheLeftAreOneMuscle20560() {
        s.screenedClear().prepared().needled("upper trapezius", Side.LEFT).ok(new Input.AnotherPoint(true))
                .needled("lower trap", Side.LEFT).closed();

        assertThat(s.validRecord().billing()).isEqualTo(new Billing(1, "20560"));
    }

    @Test
    void upperMiddleAndLowerTrapeziusOnOneSideAreOneMuscleNot20561() {
        s.screenedClear().prepared().needled("upper trapezius", Side.RIGHT).ok(new Input.AnotherPoint(true))
                .needled("middle trapezius", Side.RIGHT).ok(new Input.AnotherPoint(true))
                .needled("lower trapezius", Side.RIGHT).closed();

        assertThat(s.validRecord().billing()).isEqualTo(new Billing(1, "20560"));
    }

    @Test
    void theLeftAndRightTrapeziusAreTwoMuscles20560() {
        s.screenedClear().prepared().needled("upper trapezius", Side.LEFT).ok(new Input.AnotherPoint(true))
                .needled("lower trapezius", Side.RIGHT).closed();

        assertThat(s.validRecord().billing()).isEqualTo(new Billing(2, "20560"));
    }

    @Test
    void aNameTheCatalogueDoesNotListIsRecordedAsTypedAndMarkedUnlisted() {
        s.screenedClear().prepared().needled("Obliquus Capitis  Inferior", Side.LEFT).ok(new Input.AnotherPoint(true))
                .needled("obliquus capitis inferior", Side.LEFT).ok(new Input.AnotherPoint(true))
                .needled("biceps", Side.LEFT).closed();

        SessionRecord r = s.validRecord();
        assertThat(r.points()).extracting(Point::muscle, Point::muscleOf, Point::listed).containsExactly(
                tuple("Obliquus Capitis  Inferior", "obliquus capitis inferior", false),
                tuple("obliquus capitis inferior", "obliquus capitis inferior", false),
                tuple("biceps", "biceps", false));
        assertThat(r.billing()).isEqualTo(new Billing(2, "20560"));
        assertThat(RecordJson.mapper().writeValueAsString(r)).contains("\"listed\" : false");
    }

    @Test
    void bleedingAndBandageAreRecordedWithCompression() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().twitch(Twitch.STRONG).after(40)
                .removed().ok(new Input.SiteCleansed()).ok(new Input.CompressionStarted()).after(45)
                .ok(new Input.CompressionEnded()).ok(new Input.Bleeding(true, true)).closed();

        Point p = s.validRecord().points().get(0);
        assertThat(p.bleeding()).isTrue();
        assertThat(p.bandage()).isTrue();
        assertThat(p.compression().seconds()).isEqualTo(45.0);
    }

    @Test
    void aShortCompressionIsADeviation() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().twitch(Twitch.STRONG).after(40)
                .removed().ok(new Input.SiteCleansed()).ok(new Input.CompressionStarted()).after(12);

        s.ok(new Input.CompressionEnded());
        assertThat(s.session.stage()).isEqualTo(Stage.COMPRESSION_REASON);
        s.ok(new Input.Reason("hemostasis achieved")).ok(new Input.Bleeding(false, false)).closed();

        assertThat(s.validRecord().deviations()).singleElement().satisfies(d -> {
            assertThat(d.step()).isEqualTo(Step.COMPRESSION);
            assertThat(d.rule()).isEqualTo(Deviation.Rule.BELOW_MINIMUM);
            assertThat(d.detail()).isEqualTo("compression ended at 12.0 s; window 30-60 s");
        });
    }

    @Test
    void correctingAWeakMarkToStrongRestoresTheStandardWindow() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().after(5).twitch(Twitch.WEAK)
                .after(1).twitch(Twitch.STRONG).after(34).removed().compressed(40).closed();

        assertThat(s.validRecord().points().get(0).dwell()).isEqualTo(new Dwell(40.0, 30, 60, false, 0));
    }

    @Test
    void discomfortAndElectricalStimulationAreRecordedOnThePoint() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().after(3)
                .ok(new Input.StimulationToggled()).after(3).ok(new Input.DiscomfortSeen("grimacing"))
                .ok(new Input.StimulationToggled()).twitch(Twitch.STRONG).after(30).removed().compressed(40).closed();

        Point p = s.validRecord().points().get(0);
        assertThat(p.electricalStimulation()).isTrue();
        assertThat(p.discomfort()).singleElement().satisfies(d -> assertThat(d.note()).isEqualTo("grimacing"));
    }

    @Test
    void recordTimesFollowTheMonotonicClockFromTheStart() {
        s.screenedClear().prepared().needled("upper trapezius", Side.LEFT).closed();

        SessionRecord r = s.validRecord();
        OffsetDateTime start = OffsetDateTime.parse("2026-11-26T14:03:11.204-06:00");
        assertThat(r.startedAt()).isEqualTo(start);
        for (Event e : r.events()) {
            assertThat(e.at()).isEqualTo(start.plusNanos((long) (e.elapsedSeconds() * 1e9)));
        }
        assertThat(r.status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void closingRecordsPainAdverseEventsAndAftercare() {
        s.screenedClear().prepared().needled("upper trapezius", Side.LEFT).ok(new Input.AnotherPoint(false))
                .ok(new Input.HandsSanitized());

        assertThat(s.refused(new Input.Closed(11, List.of(), true, ""))).contains("0 to 10");
        s.ok(new Input.Closed(2, List.of(AdverseEvent.SORENESS, AdverseEvent.SORENESS), true, " ok "));

        SessionRecord r = s.validRecord();
        assertThat(r.painAfter()).isEqualTo(2);
        assertThat(r.adverseEvents()).containsExactly(AdverseEvent.SORENESS);
        assertThat(r.aftercareGiven()).isTrue();
        assertThat(r.notes()).isEqualTo("ok");
    }

    @Test
    void abortingWhileAReasonIsAskedKeepsTheDeviation() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().twitch(Twitch.STRONG).after(10)
                .removed().ok(new Input.Aborted("patient left"));

        SessionRecord r = s.validRecord();
        assertThat(r.deviations()).singleElement().satisfies(d -> assertThat(d.reason()).isEqualTo("patient left"));
    }

    @Test
    void anUnfinishedSessionReadsAsRecoveredAndIsValid() {
        s.screenedClear().prepared().point("upper trapezius", Side.LEFT).inserted().after(20);

        SessionRecord r = s.validRecord();
        assertThat(r.status()).isEqualTo(Status.RECOVERED);
        assertThat(r.endedAt()).isEqualTo(r.events().get(r.events().size() - 1).at());
    }
}
