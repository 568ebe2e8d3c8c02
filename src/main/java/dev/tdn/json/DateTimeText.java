package dev.tdn.json;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads and writes the one date-time form tdn writes and nearly every record holds:
 * {@code 2026-11-26T14:03:11.204-06:00} (fraction optional, {@code Z} allowed). A record has
 * dozens of timestamps, and {@code java.time}'s general parser made them most of an import's
 * cost; this reads and writes that form directly.
 *
 * <p>When reading, it only ever answers for text in that exact form, with every field in range, and returns
 * {@code null} for anything else. Callers then fall back to the general parser, so what is
 * accepted or rejected, and the error a user sees, never depends on this class
 * ({@code DateTimeTextTest} checks it against the general parsers).
 */
public final class DateTimeText {

    private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private DateTimeText() {
    }

    /** The date-time, or null when the text is not in the common form. */
    public static OffsetDateTime parse(String s) {
        int n = s.length();
        // yyyy-mm-ddThh:mm:ss is 19 characters, the shortest offset (Z) one more
        if (n < 20 || n > 35 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(month, year)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                i++;
            }
            int count = i - start;
            if (count == 0 || (i < n && isDigit(s.charAt(i)))) {
                return null;
            }
            nanos = digits(s, start, count) * SCALE[count];
        }
        ZoneOffset offset;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 17 || om < 0 || om > 59) {
                return null;
            }
            int sign = s.charAt(i) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * oh, sign * om);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    }

    /**
     * The text {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} gives, which is how every record
     * is written and how its content hash is made; built directly for the usual years and
     * offsets, and by the formatter itself for anything else.
     */
    public static String format(OffsetDateTime t) {
        int year = t.getYear();
        int offsetSeconds = t.getOffset().getTotalSeconds();
        if (year < 0 || year > 9999 || offsetSeconds % 60 != 0) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        StringBuilder b = new StringBuilder(35);
        pad(b, year, 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano != 0) {
            // the formatter's fraction: as many digits as needed, no trailing zeros
            int count = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                count--;
            }
            pad(b.append('.'), nano, count);
        }
        if (offsetSeconds == 0) {
            return b.append('Z').toString();
        }
        int minutes = Math.abs(offsetSeconds) / 60;
        b.append(offsetSeconds < 0 ? '-' : '+');
        pad(b, minutes / 60, 2).append(':');
        return pad(b, minutes % 60, 2).toString();
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
    }

    /** The decimal number in {@code s[from, from + count)}, or -1 when any of it is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int daysIn(int month, int year) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
