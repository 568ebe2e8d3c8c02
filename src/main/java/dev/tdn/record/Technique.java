package dev.tdn.record;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Technique {
    /** The needle is left in place. */
    STATIC,
    /** The needle is rotated, or moved slowly in and out. */
    DYNAMIC;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
