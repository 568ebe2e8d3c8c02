package dev.tdn.record;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The CPT code the distinct muscles imply: 20560 for 1–2 muscles, 20561 for 3 or more
 * (in use since 2020-01-01). A suggestion for the biller, never a claim.
 */
public record Billing(int musclesTreated, String cpt) {

    public static final String ONE_OR_TWO_MUSCLES = "20560";
    public static final String THREE_OR_MORE_MUSCLES = "20561";

    /**
     * Only points a needle went into count (the codes are for needle insertion). Each whole
     * muscle counts once per side ({@link Point#wholeMuscle}): upper and lower trapezius on the
     * left are one muscle, the left and right trapezius two, as payers count them.
     */
    public static Billing forPoints(List<Point> points) {
        int muscles = (int) points.stream()
                .filter(p -> p.insertedAt() != null)
                .map(p -> p.wholeMuscle() + "|" + Objects.toString(p.side(), ""))
                .collect(Collectors.toSet())
                .size();
        return new Billing(muscles, cptFor(muscles));
    }

    static String cptFor(int muscles) {
        if (muscles == 0) {
            return null;
        }
        return muscles <= 2 ? ONE_OR_TWO_MUSCLES : THREE_OR_MORE_MUSCLES;
    }
}
