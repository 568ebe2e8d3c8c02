package dev.tdn.record;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Side {
    LEFT, RIGHT;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
