package dev.tdn.record;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How long the needle stayed in, against the window in force when it came out.
 * {@code extended} is true when a weak twitch switched the window to the longer one.
 * {@code estimatedSeconds}, when present, is the part of {@code seconds} that fell in an outage
 * and was estimated from the wall clock (a resumed session); the rest was measured.
 */
public record Dwell(double seconds, double minSeconds, double maxSeconds, boolean extended, double pausedSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double estimatedSeconds) {

    /** A dwell measured whole on the monotonic clock: no outage fell in it. */
    public Dwell(double seconds, double minSeconds, double maxSeconds, boolean extended, double pausedSeconds) {
        this(seconds, minSeconds, maxSeconds, extended, pausedSeconds, null);
    }
}
