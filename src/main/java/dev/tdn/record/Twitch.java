package dev.tdn.record;

import com.fasterxml.jackson.annotation.JsonValue;

/** The local twitch response the clinician saw; a weak one lengthens the dwell window. */
public enum Twitch {
    STRONG, WEAK, NONE;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
