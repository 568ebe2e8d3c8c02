package dev.tdn.session;

/**
 * A monotonic clock in nanoseconds. Durations come from here, never from the wall clock, so a
 * clock change during a session cannot shorten a dwell.
 */
@FunctionalInterface
public interface Ticker {

    long nanos();

    Ticker SYSTEM = System::nanoTime;

    /**
     * Time running {@code factor} times faster, for training and tests; records made with it are
     * marked {@code training}.
     */
    static Ticker scaled(Ticker base, double factor) {
        long origin = base.nanos();
        return () -> origin + (long) ((base.nanos() - origin) * factor);
    }
}
