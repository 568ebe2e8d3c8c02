package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** --since and --until as a clinic's staff type them, on a fixed day in a fixed zone. */
class DayOrTimeTest {

    static final ZoneId CLINIC = ZoneId.of("America/Chicago");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static Instant midnight(String day) {
        return LocalDate.parse(day).atStartOfDay(CLINIC).toInstant();
    }

    static Instant parse(String text) {
        return DayOrTime.parse(text, TODAY, CLINIC).orElse(null);
    }

    @Test
    void wordsForDaysMeanTheStartOfThatDayOnTheClinicsClock() {
        assertThat(parse("today")).isEqualTo(midnight("2026-12-02"));
        assertThat(parse("Yesterday")).isEqualTo(midnight("2026-12-01"));
        assertThat(parse("tomorrow")).isEqualTo(midnight("2026-12-03"));
    }

    @Test
    void daysAndWeeksAgoCountWholeDaysBack() {
        assertThat(parse("-7d")).isEqualTo(midnight("2026-11-25"));
        assertThat(parse("-0d")).isEqualTo(midnight("2026-12-02"));
        assertThat(parse("-2w")).isEqualTo(midnight("2026-11-18"));
        assertThat(parse("-30d")).isEqualTo(midnight("2026-11-02"));
    }

    @Test
    void aDateOrAnExactTimeStillReadsAsBefore() {
        assertThat(parse("2026-11-01")).isEqualTo(midnight("2026-11-01"));
        assertThat(parse("2026-11-26T14:03:00+01:00")).isEqualTo(Instant.parse("2026-11-26T13:03:00Z"));
    }

    @Test
    void anythingElseNamesNoDay() {
        assertThat(parse("last week")).isNull();
        assertThat(parse("7d")).isNull();
        assertThat(parse("-7m")).isNull();
        assertThat(parse("2026-13-01")).isNull();
        assertThat(parse("")).isNull();
    }
}
