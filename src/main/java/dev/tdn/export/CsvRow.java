package dev.tdn.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One row of `tdn export --format csv`: a trigger point with its session's columns repeated,
 * so a spreadsheet can count points, muscles and deviations without joining tables. Column
 * names and their order are the contract, so new columns go at the end; a session without
 * points is one row with the point columns empty.
 */
@JsonPropertyOrder({"session_id", "started_at", "ended_at", "status", "training", "patient_id", "clinician_id",
    "protocol", "protocol_version", "pain_before", "pain_after", "muscles_treated", "cpt", "adverse_events",
    "aftercare_given", "session_deviations", "point", "muscle", "side", "location", "technique", "twitch",
    "electrical_stimulation", "needles_inserted", "needles_removed", "depth_mm", "inserted_at", "dwell_seconds",
    "dwell_min_seconds", "dwell_max_seconds", "dwell_extended", "dwell_paused_seconds", "removed_at",
    "compression_seconds", "compression_min_seconds", "compression_max_seconds", "bleeding", "bandage",
    "point_deviations", "muscle_of", "muscle_listed", "session_deviation_reasons", "point_deviation_reasons",
    "precautions_accepted"})
record CsvRow(
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("ended_at") String endedAt,
        @JsonProperty("status") String status,
        @JsonProperty("training") boolean training,
        @JsonProperty("patient_id") String patientId,
        @JsonProperty("clinician_id") String clinicianId,
        @JsonProperty("protocol") String protocol,
        @JsonProperty("protocol_version") int protocolVersion,
        @JsonProperty("pain_before") Integer painBefore,
        @JsonProperty("pain_after") Integer painAfter,
        @JsonProperty("muscles_treated") int musclesTreated,
        @JsonProperty("cpt") String cpt,
        @JsonProperty("adverse_events") String adverseEvents,
        @JsonProperty("aftercare_given") Boolean aftercareGiven,
        @JsonProperty("session_deviations") String sessionDeviations,
        @JsonProperty("point") Integer point,
        @JsonProperty("muscle") String muscle,
        @JsonProperty("side") String side,
        @JsonProperty("location") String location,
        @JsonProperty("technique") String technique,
        @JsonProperty("twitch") String twitch,
        @JsonProperty("electrical_stimulation") Boolean electricalStimulation,
        @JsonProperty("needles_inserted") Integer needlesInserted,
        @JsonProperty("needles_removed") Integer needlesRemoved,
        @JsonProperty("depth_mm") Double depthMm,
        @JsonProperty("inserted_at") String insertedAt,
        @JsonProperty("dwell_seconds") Double dwellSeconds,
        @JsonProperty("dwell_min_seconds") Double dwellMinSeconds,
        @JsonProperty("dwell_max_seconds") Double dwellMaxSeconds,
        @JsonProperty("dwell_extended") Boolean dwellExtended,
        @JsonProperty("dwell_paused_seconds") Double dwellPausedSeconds,
        @JsonProperty("removed_at") String removedAt,
        @JsonProperty("compression_seconds") Double compressionSeconds,
        @JsonProperty("compression_min_seconds") Double compressionMinSeconds,
        @JsonProperty("compression_max_seconds") Double compressionMaxSeconds,
        @JsonProperty("bleeding") Boolean bleeding,
        @JsonProperty("bandage") Boolean bandage,
        @JsonProperty("point_deviations") String pointDeviations,
        // the whole muscle billing counted the point in, and whether the catalogue listed the
        // name (empty for records written before it was asked)
        @JsonProperty("muscle_of") String muscleOf,
        @JsonProperty("muscle_listed") Boolean muscleListed,
        // each deviation with the reason the clinician gave, as typed ("dwell below-minimum:
        // patient asked to stop"), in the order of the deviations columns
        @JsonProperty("session_deviation_reasons") String sessionDeviationReasons,
        @JsonProperty("point_deviation_reasons") String pointDeviationReasons,
        // the screening precautions answered "yes" and accepted to go on (empty when none was)
        @JsonProperty("precautions_accepted") String precautionsAccepted) {
}
