package dev.tdn.journal;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

import dev.tdn.protocol.NeedleDefaults;
import dev.tdn.protocol.Protocol;
import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;
import dev.tdn.session.SessionSetup;

/**
 * The first line of a journal: all that replay needs besides the inputs, including the whole
 * protocol, so a session recovers under the wording and windows it ran with even if the
 * protocol file has changed since.
 */
public record JournalHeader(int journal, String id, OffsetDateTime startedAt, boolean training, Clinician clinician,
        Patient patient, NeedleDefaults needle, String software, Protocol protocol,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double timeScale) {

    public static final int FORMAT = 1;

    public static JournalHeader of(SessionSetup setup, OffsetDateTime startedAt) {
        return of(setup, startedAt, 1);
    }

    /** {@code timeScale}: session seconds per real second (training); a resume goes on at the same pace. */
    public static JournalHeader of(SessionSetup setup, OffsetDateTime startedAt, double timeScale) {
        return new JournalHeader(FORMAT, setup.id(), startedAt, setup.training(), setup.clinician(), setup.patient(),
                setup.needle(), setup.softwareVersion(), setup.protocol(), timeScale == 1 ? null : timeScale);
    }

    /** Journals written before the scale was kept ran at 1. */
    public double scale() {
        return timeScale == null ? 1 : timeScale;
    }

    public SessionSetup setup() {
        return new SessionSetup(id, clinician, patient, protocol, needle, training, software);
    }
}
