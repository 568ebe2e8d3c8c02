package dev.tdn.console;

import dev.tdn.session.TimerView;

/**
 * Rings when a running timer reaches its window's minimum and when it passes the maximum, and
 * says how long the screen may sleep so that the next edge is not missed: the loop wakes at the
 * edge itself (deadline-based on the monotonic clock), not at the next frame after it.
 */
final class EdgeAlarm {

    /** At least four frames a second. */
    static final long FRAME_MILLIS = 100;
    static final long FLASH_NANOS = 600_000_000L;

    private TimerView.Zone last;
    private long flashUntil;

    /** Forget the last zone: a new timer starts, or the window changed on purpose (weak twitch). */
    void reset(TimerView now) {
        last = now == null ? null : now.zone();
    }

    /** True once, when {@code now} has just entered the window or passed its maximum. */
    boolean crossed(TimerView now, long nanoTime) {
        boolean rang = last != null && now.zone() != last && now.zone() != TimerView.Zone.BELOW_MINIMUM;
        last = now.zone();
        if (rang) {
            flashUntil = nanoTime + FLASH_NANOS;
        }
        return rang;
    }

    boolean flashing(long nanoTime) {
        return nanoTime < flashUntil;
    }

    /** Milliseconds to sleep: a frame, or less when an edge comes sooner. {@code scale} is session seconds per real second. */
    static long waitMillis(TimerView t, double scale) {
        if (t == null || t.paused()) {
            return FRAME_MILLIS;
        }
        double edge = switch (t.zone()) {
            case BELOW_MINIMUM -> t.window().minSeconds();
            case IN_WINDOW -> t.window().maxSeconds() + 0.001;
            case ABOVE_MAXIMUM -> Double.MAX_VALUE;
        };
        double realMillis = (edge - t.seconds()) / scale * 1000;
        return Math.max(1, Math.min(FRAME_MILLIS, (long) Math.ceil(realMillis)));
    }
}
