package dev.tdn.record;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A departure from the protocol that the clinician chose and explained. {@code point} is null
 * for steps that belong to the whole session (screening, site prep, hands, close).
 */
public record Deviation(Integer point, Step step, Rule rule, String detail, String reason) {

    public enum Rule {
        BELOW_MINIMUM, ABOVE_MAXIMUM, SKIPPED, NEEDLE_COUNT;

        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
