package dev.tdn.note;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Times as a clinician reads them in a note: the day once, then clock times in the session's own
 * offset (where it happened), to the second. The record keeps nanosecond ISO text for machines;
 * nobody reads "2026-11-26T14:04:43.704-06:00" into a chart.
 */
public final class HumanTime {

    // the names written out rather than asked of java.time's locale data: loading it cost
    // tdn show a tenth of a second, and a note reads the same on a machine set to any language
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private HumanTime() {
    }

    /** "Thursday 26 November 2026". */
    public static String day(OffsetDateTime t) {
        return WEEKDAYS[t.getDayOfWeek().getValue() - 1] + " " + t.getDayOfMonth() + " " + MONTHS[t.getMonthValue() - 1]
                + " " + t.getYear();
    }

    /** "14:04:43", in the offset the time was recorded in. */
    public static String clock(OffsetDateTime t) {
        return t == null ? "not recorded" : two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
    }

    /** "UTC-06:00", or "UTC". */
    public static String offset(OffsetDateTime t) {
        return t.getOffset().equals(ZoneOffset.UTC) ? "UTC" : "UTC" + t.getOffset().getId();
    }

    /**
     * "Thursday 26 November 2026, 14:03 to 14:12 (UTC-06:00), 9 min 9 s"; a session that ran over
     * midnight, or whose end is in another offset, names the end's day and offset too.
     */
    public static String span(OffsetDateTime start, OffsetDateTime end) {
        String from = day(start) + ", " + minute(start);
        if (end == null) {
            return from + " (" + offset(start) + "), end not recorded";
        }
        if (end.toLocalDate().equals(start.toLocalDate()) && end.getOffset().equals(start.getOffset())) {
            return from + " to " + minute(end) + " (" + offset(start) + "), " + duration(Duration.between(start, end));
        }
        return from + " (" + offset(start) + ") to " + day(end) + ", " + minute(end) + " (" + offset(end) + "), "
                + duration(Duration.between(start, end));
    }

    private static String minute(OffsetDateTime t) {
        return two(t.getHour()) + ":" + two(t.getMinute());
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    /** "9 min 9 s", "42 s", "1 h 2 min". */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }

    /** Seconds as measured, to a tenth: "42.3 s", "41 s". */
    public static String seconds(double s) {
        return number(s) + " s";
    }

    /** A measurement without a spurious ".0": 30, 0.25, 42.3. */
    public static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        String s = String.format(Locale.ROOT, "%.2f", d);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }
}
