package dev.tdn.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class BillingTest {

    static Point point(String muscle, Side side) {
        return new Point(1, muscle, null, null, side, null, new Palpation(true, false), new Needle(30, 0.25), 1, 1, 10.0,
                Technique.STATIC, false, INSERTED, null, null, null, null, null, false, false, List.of());
    }

    /** A point as the engine now records it: the catalogue's name and the whole muscle it is in. */
    static Point point(String muscle, String muscleOf, Side side) {
        return new Point(1, muscle, muscleOf, true, side, null, new Palpation(true, false), new Needle(30, 0.25), 1, 1,
                10.0, Technique.STATIC, false, INSERTED, null, null, null, null, null, false, false, List.of());
    }

    static final OffsetDateTime INSERTED = OffsetDateTime.parse("2026-11-26T14:03:11.204-06:00");

    @Test
    void noMuscleNoCode() {
        assertThat(Billing.forPoints(List.of())).isEqualTo(new Billing(0, null));
    }

    @Test
    void oneOrTwoMusclesIs20560() {
        assertThat(Billing.forPoints(List.of(point("upper trapezius", Side.LEFT))).cpt()).isEqualTo("20560");
        assertThat(Billing.forPoints(List.of(point("upper trapezius", Side.LEFT), point("infraspinatus", Side.LEFT))))
                .isEqualTo(new Billing(2, "20560"));
    }

    @Test
    void threeOrMoreMusclesIs20561() {
        assertThat(Billing.forPoints(List.of(point("upper trapezius", Side.LEFT), point("infraspinatus", Side.LEFT),
                point("gluteus medius", Side.RIGHT)))).isEqualTo(new Billing(3, "20561"));
    }

    @Test
    void twoPointsInOneMuscleAreOneMuscle() {
        assertThat(Billing.forPoints(List.of(point("upper trapezius", Side.LEFT), point("Upper Trapezius ", Side.LEFT))))
                .isEqualTo(new Billing(1, "20560"));
    }

    @Test
    void aPointIdentifiedButNeverNeedledIsNotBilled() {
        Point notNeedled = new Point(2, "infraspinatus", null, null, Side.LEFT, null, new Palpation(true, false),
                new Needle(30, 0.25), 0, 0, null, null, false, null, null, null, null, null, null, false, false,
                List.of());

        assertThat(Billing.forPoints(List.of(point("upper trapezius", Side.LEFT), notNeedled)))
                .isEqualTo(new Billing(1, "20560"));
    }

    @Test
    void leftAndRightOfOneMuscleAreTwoMuscles() {
        assertThat(Billing.forPoints(List.of(point("upper trapezius", Side.LEFT), point("upper trapezius", Side.RIGHT),
                point("levator scapulae", Side.LEFT)))).isEqualTo(new Billing(3, "20561"));
    }

    @Test
    void upperAndLowerTrapeziusOnOneSideAreOneMuscle() {
        assertThat(Billing.forPoints(List.of(point("upper trapezius", "trapezius", Side.LEFT),
                point("lower trapezius", "trapezius", Side.LEFT)))).isEqualTo(new Billing(1, "20560"));
    }

    @Test
    void upperMiddleAndLowerTrapeziusOnOneSideAreOneMuscleNot20561() {
        assertThat(Billing.forPoints(List.of(point("upper trapezius", "trapezius", Side.RIGHT),
                point("middle trapezius", "trapezius", Side.RIGHT), point("lower trapezius", "trapezius", Side.RIGHT))))
                .isEqualTo(new Billing(1, "20560"));
    }

    @Test
    void theLeftAndRightTrapeziusAreTwoMuscles() {
        assertThat(Billing.forPoints(List.of(point("upper trapezius", "trapezius", Side.LEFT),
                point("lower trapezius", "trapezius", Side.RIGHT)))).isEqualTo(new Billing(2, "20560"));
        assertThat(Billing.forPoints(List.of(point("upper trapezius", "trapezius", Side.LEFT),
                point("lower trapezius", "trapezius", Side.RIGHT), point("levator scapulae", "levator scapulae", Side.LEFT))))
                .isEqualTo(new Billing(3, "20561"));
    }

    @Test
    void anUnlistedNameIsAMuscleOfItsOwn() {
        assertThat(Billing.forPoints(List.of(point("upper trapezius", "trapezius", Side.LEFT),
                point("Obliquus Capitis Inferior", "obliquus capitis inferior", Side.LEFT),
                point("obliquus  capitis inferior", "obliquus capitis inferior", Side.LEFT))))
                .isEqualTo(new Billing(2, "20560"));
    }

    @Test
    void aRecordWrittenBeforeMuscleOfIsBilledByItsNamesAsItWas() {
        // such a record says 3 muscles and 20561; billing it by the catalogue now would reject it
        assertThat(Billing.forPoints(List.of(point("upper trapezius", Side.LEFT), point("middle trapezius", Side.LEFT),
                point("lower trapezius", Side.LEFT)))).isEqualTo(new Billing(3, "20561"));
    }

    @Test
    void aPointWithoutMuscleOfAndOneWithItCountTheSameWholeMuscleOnce() {
        assertThat(Billing.forPoints(List.of(point("Trapezius", Side.LEFT), point("upper trapezius", "trapezius", Side.LEFT))))
                .isEqualTo(new Billing(1, "20560"));
    }
}
