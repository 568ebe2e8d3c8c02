package dev.tdn.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.networknt.schema.format.DateTimeFormat;

/**
 * The fast reader and writer must never disagree with the general ones they stand in for:
 * whatever it reads, java.time and the schema library read the same way; whatever it writes is
 * exactly what {@code ISO_OFFSET_DATE_TIME} writes.
 */
class DateTimeTextTest {

    private static final DateTimeFormat SCHEMA_FORMAT = new DateTimeFormat();

    @Test
    void readsTheFormTdnWrites() {
        assertThat(DateTimeText.parse("2026-11-26T14:03:11.204-06:00"))
                .isEqualTo(OffsetDateTime.of(2026, 11, 26, 14, 3, 11, 204_000_000, ZoneOffset.ofHours(-6)));
        assertThat(DateTimeText.parse("2026-11-26T20:03:11Z"))
                .isEqualTo(OffsetDateTime.of(2026, 11, 26, 20, 3, 11, 0, ZoneOffset.UTC));
        assertThat(DateTimeText.parse("2024-02-29T00:00:00.123456789+05:45").getNano()).isEqualTo(123_456_789);
    }

    @Test
    void leavesEverythingElseToTheGeneralReaders() {
        for (String s : List.of("2026-11-26T14:03:11", "2026-11-26 14:03:11Z", "2026-11-26t14:03:11z",
                "2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-31T10:00:00Z", "2026-11-26T24:00:00Z",
                "2026-11-26T23:59:60Z", "2026-11-26T14:03:11.Z", "2026-11-26T14:03:11.1234567891Z",
                "2026-11-26T14:03:11+0600", "2026-11-26T14:03:11+06", "2026-11-26T14:03:11+18:30",
                "+2026-11-26T14:03:11Z", "0000-01-01T00:00:00Z", "2026-1-26T14:03:11Z", "", "2026-11-26T14:03:11Z ")) {
            assertThat(DateTimeText.parse(s)).as(s).isNull();
        }
    }

    @Test
    void neverAcceptsWhatTheGeneralReadersRefuseNorReadsItDifferently() {
        Random random = new Random(7);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            String s = mutate(random);
            OffsetDateTime fast = DateTimeText.parse(s);
            if (fast == null) {
                continue;
            }
            accepted++;
            assertThat(SCHEMA_FORMAT.matches(null, s)).as("schema format for %s", s).isTrue();
            OffsetDateTime general;
            try {
                general = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                throw new AssertionError("java.time refuses " + s + " which the fast reader accepts", e);
            }
            assertThat(fast).as(s).isEqualTo(general);
            assertThat(fast.getOffset()).as(s).isEqualTo(general.getOffset());
        }
        assertThat(accepted).as("the mutations must also produce valid times").isGreaterThan(10_000);
    }

    @Test
    void writesExactlyWhatTheGeneralFormatterWrites() {
        Random random = new Random(11);
        List<OffsetDateTime> times = new ArrayList<>(List.of(
                OffsetDateTime.of(2026, 11, 26, 14, 3, 11, 204_000_000, ZoneOffset.ofHours(-6)),
                OffsetDateTime.of(2026, 11, 26, 14, 3, 11, 200_000_000, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 45)),
                OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 1, ZoneOffset.ofHoursMinutes(-9, -30)),
                OffsetDateTime.of(12026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(-5, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(1, 2, 3))));
        for (int i = 0; i < 100_000; i++) {
            int[] nanoChoices = {0, random.nextInt(1000) * 1_000_000, random.nextInt(1_000_000) * 1000,
                random.nextInt(1_000_000_000)};
            times.add(OffsetDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), nanoChoices[random.nextInt(4)],
                    ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4 + 1) - 18 * 4) * 15 * 60)));
        }
        for (OffsetDateTime t : times) {
            assertThat(DateTimeText.format(t)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
        }
    }

    /** A valid time with one character changed, dropped or added, or left alone. */
    private static String mutate(Random random) {
        String base = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.of(1900 + random.nextInt(300),
                1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                random.nextInt(60), random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000),
                ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4 + 1) - 18 * 4) * 15 * 60)));
        StringBuilder s = new StringBuilder(base);
        String alphabet = "0123456789-+:.TZtz 6930";
        switch (random.nextInt(5)) {
            case 0 -> s.setCharAt(random.nextInt(s.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            case 1 -> s.deleteCharAt(random.nextInt(s.length()));
            case 2 -> s.insert(random.nextInt(s.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
            default -> {
                // unchanged
            }
        }
        return s.toString();
    }
}
