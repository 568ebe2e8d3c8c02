package dev.tdn.record;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One treatment session as written to disk and imported by clinics (schema version 1).
 * Field names are the importers' contract: see {@code schema/session-record-v1.json}.
 */
public record SessionRecord(
        int schemaVersion,
        String id,
        Status status,
        boolean training,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        Clinician clinician,
        Patient patient,
        ProtocolRef protocol,
        Screening screening,
        Integer painBefore,
        List<SitePrepItem> sitePrep,
        List<Point> points,
        OffsetDateTime handsSanitizedAt,
        Integer painAfter,
        List<AdverseEvent> adverseEvents,
        Boolean aftercareGiven,
        List<Deviation> deviations,
        Billing billing,
        String notes,
        List<Event> events,
        Software software) {

    public static final int SCHEMA_VERSION = 1;

    /** Why the clinician ended the session early, as they typed it; null when not said or not aborted. */
    public String abortReason() {
        String reason = null;
        if (status == Status.ABORTED && events != null) {
            for (Event e : events) {
                if ("session.aborted".equals(e.type()) && e.detail() != null && !e.detail().isBlank()) {
                    reason = e.detail();
                }
            }
        }
        return reason;
    }

    /**
     * The precautions screening found ("yes") that the clinician accepted to go on with, in
     * screening order. Once screening cleared the patient, every one was (declining one ends the
     * session); before that, those the timeline shows accepted ({@code precaution.accepted}, or
     * {@code precaution.confirmed} in records of other writers).
     */
    public List<String> precautionsAccepted() {
        java.util.Set<String> inTimeline = new java.util.HashSet<>();
        if (events != null) {
            for (Event e : events) {
                if ("precaution.accepted".equals(e.type()) || "precaution.confirmed".equals(e.type())) {
                    inTimeline.add(e.detail());
                }
            }
        }
        return screening.answers().stream()
                .filter(a -> a.kind() == ScreeningAnswer.Kind.PRECAUTION && a.answer())
                .map(ScreeningAnswer::item)
                .filter(item -> screening.cleared() || inTimeline.contains(item))
                .toList();
    }
}
