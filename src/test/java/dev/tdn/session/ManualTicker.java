package dev.tdn.session;

/** A clock the test moves by hand: a three-minute dwell takes no time at all. */
public final class ManualTicker implements Ticker {

    private long nanos = 5_000_000_000L;

    @Override
    public long nanos() {
        return nanos;
    }

    public void advanceNanos(long by) {
        nanos += by;
    }

    public void advanceSeconds(double seconds) {
        nanos += (long) (seconds * 1_000_000_000L);
    }
}
