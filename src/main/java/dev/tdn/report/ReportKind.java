package dev.tdn.report;

/** The reports a clinic can ask for, by the name {@code tdn report} takes. */
public enum ReportKind {
    ADHERENCE("adherence"),
    BILLING("billing"),
    ADVERSE_EVENTS("adverse-events"),
    /** One patient's sessions: needs a patient to be chosen. */
    PROGRESS("progress");

    private final String text;

    ReportKind(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** An empty report of this kind, to add the chosen sessions to. */
    public Report start() {
        return switch (this) {
            case ADHERENCE -> new Adherence();
            case BILLING -> new BillingUnits();
            case ADVERSE_EVENTS -> new AdverseEvents();
            case PROGRESS -> new Progress();
        };
    }
}
