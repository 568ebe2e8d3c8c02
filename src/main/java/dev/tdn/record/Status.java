package dev.tdn.record;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a session ended. */
public enum Status {
    COMPLETED("completed"),
    /** The clinician ended the session early. */
    ABORTED("aborted"),
    /** Screening stopped the session before any needle. */
    NOT_DONE("not-done"),
    /** Rebuilt from the journal of a session that was interrupted (crash, power loss). */
    RECOVERED("recovered"),
    /** Interrupted, resumed from its journal ({@code tdn session --resume}), and finished. */
    RESUMED("resumed");

    private final String json;

    Status(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
