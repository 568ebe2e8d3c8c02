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
}
