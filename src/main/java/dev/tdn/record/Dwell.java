package dev.tdn.record;

/**
 * How long the needle stayed in, against the window in force when it came out.
 * {@code extended} is true when a weak twitch switched the window to the longer one.
 */
public record Dwell(double seconds, double minSeconds, double maxSeconds, boolean extended, double pausedSeconds) {
}
