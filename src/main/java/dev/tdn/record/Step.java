package dev.tdn.record;

import com.fasterxml.jackson.annotation.JsonValue;

/** The protocol's steps, in order (DESIGN 1). */
public enum Step {
    SCREENING(false), SITE_PREP(false), IDENTIFY(true), INSERT(true), DWELL(true), REMOVE(true),
    CLEANSE(true), COMPRESSION(true), HANDS(false), CLOSE(false);

    private final boolean perPoint;

    Step(boolean perPoint) {
        this.perPoint = perPoint;
    }

    /** True for steps done once per trigger point, false for steps done once per session. */
    public boolean perPoint() {
        return perPoint;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
