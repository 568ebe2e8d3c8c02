package dev.tdn.record;

import com.fasterxml.jackson.annotation.JsonValue;

/** Reactions seen before the patient left, as listed on dry-needling consent forms. */
public enum AdverseEvent {
    SORENESS, BRUISING, SWELLING, BLEEDING, FATIGUE, NAUSEA, DIZZINESS, HEADACHE, OTHER;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
