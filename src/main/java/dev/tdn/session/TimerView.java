package dev.tdn.session;

import dev.tdn.protocol.Window;

/**
 * A timed step as the screen shows it at one instant: time counts up, with the window visible.
 * {@code seconds} excludes paused time.
 */
public record TimerView(Kind kind, int point, double seconds, Window window, boolean extended, boolean paused) {

    /** A window timed on its own ({@code tdn timer}): no session, no point. */
    public static TimerView standalone(Window window, Ticker ticker, long startNanos) {
        return new TimerView(Kind.TIMER, 0, Session.seconds(ticker.nanos() - startNanos), window, false, false);
    }

    public enum Kind { DWELL, COMPRESSION, TIMER }

    /** Where the elapsed time stands against the window. */
    public enum Zone { BELOW_MINIMUM, IN_WINDOW, ABOVE_MAXIMUM }

    public Zone zone() {
        if (window.isBelow(seconds)) {
            return Zone.BELOW_MINIMUM;
        }
        return window.isAbove(seconds) ? Zone.ABOVE_MAXIMUM : Zone.IN_WINDOW;
    }

    /** Ending now would be a deviation and needs a reason. */
    public boolean endingNeedsReason() {
        return zone() != Zone.IN_WINDOW;
    }
}
