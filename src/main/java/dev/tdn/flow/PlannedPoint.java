package dev.tdn.flow;

import java.util.Optional;

import dev.tdn.record.Side;

/** A point named on the command line ({@code -m "upper trapezius:left"}), offered as the default. */
public record PlannedPoint(String muscle, Optional<Side> side) {

    /** Reads {@code NAME[:SIDE]}; SIDE is l, left, r or right. */
    public static Optional<PlannedPoint> parse(String text) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            return t.isEmpty() ? Optional.empty() : Optional.of(new PlannedPoint(t, Optional.empty()));
        }
        String muscle = t.substring(0, colon).strip();
        Optional<Optional<Side>> side = Answers.side(t.substring(colon + 1));
        if (muscle.isEmpty() || side.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlannedPoint(muscle, side.get()));
    }

    public String describe() {
        return muscle + side.map(s -> ", " + s.json()).orElse("");
    }
}
