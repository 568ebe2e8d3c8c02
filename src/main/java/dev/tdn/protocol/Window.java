package dev.tdn.protocol;

/** A timed step's allowed duration: ending it below the minimum or past the maximum is a deviation. */
public record Window(double minSeconds, double maxSeconds) {

    public boolean isBelow(double seconds) {
        return seconds < minSeconds;
    }

    public boolean isAbove(double seconds) {
        return seconds > maxSeconds;
    }

    /** "30-60 s", as the record's deviation details and the screen say it. */
    public String describe() {
        return format(minSeconds) + "-" + format(maxSeconds) + " s";
    }

    private static String format(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
