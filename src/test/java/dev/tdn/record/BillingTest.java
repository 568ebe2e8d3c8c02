package dev.tdn.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class BillingTest {

    static Point point(String muscle, Side side) {
        return new Point(1, muscle, side, null, new Palpation(true, false), new Needle(30, 0.25), 1, 1, 10.0,
                Technique.STATIC, false, INSERTED, null, null, null, null, null, false, false, List.of());
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
        Point notNeedled = new Point(2, "infraspinatus", Side.LEFT, null, new Palpation(true, false),
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
}
