package dev.tdn.flow;

import java.util.Locale;

import dev.tdn.protocol.Window;
import dev.tdn.session.TimerView;

/** How times read on screen: minutes, seconds and tenths, as "2:31.9". */
public final class Readout {

    private Readout() {
    }

    /** Truncated, never rounded up: a clock must not show 0:30.0 before thirty seconds have passed. */
    public static String time(double seconds) {
        long tenths = (long) Math.floor(seconds * 10 + 1e-9);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }

    public static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    public static String window(Window w) {
        return whole(w.minSeconds()) + "-" + whole(w.maxSeconds());
    }

    public static String whole(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** How a timer's end reads, on the live screen and in plain lines alike. */
    public static String stopped(TimerView end) {
        return "Stopped at " + time(end.seconds()) + " (" + zone(end) + ", window " + window(end.window()) + ").";
    }

    /** Where a time stands, in words: "below the minimum", "in the window", "past the maximum". */
    public static String zone(TimerView t) {
        return switch (t.zone()) {
            case BELOW_MINIMUM -> "below the minimum";
            case IN_WINDOW -> "in the window";
            case ABOVE_MAXIMUM -> "past the maximum";
        };
    }

    /** One line a person reads at a glance, with words (not colour) for where the time stands. */
    public static String status(TimerView t) {
        String zone = switch (t.zone()) {
            case BELOW_MINIMUM -> "below minimum";
            case IN_WINDOW -> "in window";
            case ABOVE_MAXIMUM -> "PAST MAXIMUM";
        };
        String what = switch (t.kind()) {
            case DWELL -> "dwell";
            case COMPRESSION -> "compression";
            case TIMER -> "timer";
        };
        return what + " " + time(t.seconds()) + "  [" + zone + ", window " + window(t.window())
                + (t.extended() ? ", extended for weak twitch" : "") + "]" + (t.paused() ? "  PAUSED" : "");
    }
}
