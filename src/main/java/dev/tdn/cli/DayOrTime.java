package dev.tdn.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code --since} and {@code --until} take: a day as people say it ({@code today},
 * {@code yesterday}, {@code tomorrow}, {@code -7d}, {@code -2w}, {@code 2026-11-01}), which means
 * the start of that day on the clinic's clock, or an exact ISO-8601 time with its offset.
 */
final class DayOrTime {

    static final String FORMS = "YYYY-MM-DD, today, yesterday, tomorrow, -7d, -2w, or an ISO-8601 time with offset";

    private static final Pattern AGO = Pattern.compile("-(\\d{1,4})([dw])");

    private DayOrTime() {
    }

    /** The instant {@code text} names, with {@code today} as the clinic's date in {@code zone}; empty if it names none. */
    static Optional<Instant> parse(String text, LocalDate today, ZoneId zone) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        LocalDate day = switch (t) {
            case "today" -> today;
            case "yesterday" -> today.minusDays(1);
            case "tomorrow" -> today.plusDays(1);
            default -> null;
        };
        Matcher ago = AGO.matcher(t);
        if (day == null && ago.matches()) {
            int n = Integer.parseInt(ago.group(1));
            day = ago.group(2).equals("d") ? today.minusDays(n) : today.minusWeeks(n);
        }
        if (day == null) {
            try {
                day = LocalDate.parse(t);
            } catch (DateTimeParseException notADay) {
                try {
                    return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
                } catch (DateTimeParseException notATime) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(day.atStartOfDay(zone).toInstant());
    }
}
