package dev.tdn.record;

import com.fasterxml.jackson.annotation.JsonValue;

public record ScreeningAnswer(String item, Kind kind, boolean answer) {

    public enum Kind {
        /** A "yes" ends the session. */
        ABSOLUTE,
        /** A "yes" needs the clinician's confirmation and is recorded. */
        PRECAUTION;

        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
