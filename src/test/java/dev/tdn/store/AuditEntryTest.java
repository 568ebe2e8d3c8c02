package dev.tdn.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The details column is written by hand (no mapper to build on every read); it must be the very
 * text Jackson wrote before, keys in order, for any filter value and any id a store may hold.
 */
class AuditEntryTest {

    /** How the column was written until then. */
    private static String byJackson(AuditAction action, Touched touched) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("filters", action.filters());
        details.put("sessions", Map.of("count", touched.sessions(), "ids", touched.sessionsListed()));
        details.put("patients", Map.of("count", touched.patientCount(), "ids", touched.patientsListed()));
        return JsonMapper.builder().build().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValueAsString(details);
    }

    private static String odd(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            s.append(switch (random.nextInt(6)) {
                case 0 -> (char) random.nextInt(0x80);
                case 1 -> "\"\\/";
                case 2 -> "é中";
                case 3 -> "\uD83E\uDDB4";
                case 4 -> "\u2028\u007f\u0000";
                default -> "MRN-" + random.nextInt(100);
            });
        }
        return s.toString();
    }

    @Test
    void theTextIsJacksonsForAnyFiltersAndIds() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            Map<String, String> filters = new TreeMap<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                filters.put(odd(random), random.nextInt(5) == 0 ? null : odd(random));
            }
            Touched touched = new Touched();
            for (int i = random.nextInt(Touched.LISTED + 30); i > 0; i--) {
                touched.add(odd(random), odd(random));
            }
            AuditAction action = AuditAction.of(null, "export", filters);

            assertThat(AuditEntry.details(action, touched)).isEqualTo(byJackson(action, touched));
        }
    }

    @Test
    void anEmptyReadNamesNothing() {
        assertThat(AuditEntry.details(AuditAction.of(null, "list", Map.of()), new Touched()))
                .isEqualTo("{\"filters\":{},\"patients\":{\"count\":0,\"ids\":[]},\"sessions\":{\"count\":0,\"ids\":[]}}");
    }
}
