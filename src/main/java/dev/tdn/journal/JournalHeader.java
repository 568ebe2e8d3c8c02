package dev.tdn.journal;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

import dev.tdn.protocol.NeedleDefaults;
import dev.tdn.protocol.PrepItem;
import dev.tdn.protocol.ScreeningItem;
import dev.tdn.protocol.Windows;
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

    /**
     * The first field replay needs that this header lacks ({@code protocol.windows.dwell}), or
     * null when it has them all. Jackson leaves a field the line does not have null, and the
     * engine takes its setup as a session makes it, whole: a header written by tdn always has
     * them, so one without is damage, found here rather than as a NullPointerException mid-replay.
     */
    public String missing() {
        if (id == null) {
            return "id";
        }
        if (startedAt == null) {
            return "startedAt";
        }
        if (clinician == null) {
            return "clinician";
        }
        if (patient == null) {
            return "patient";
        }
        if (needle == null) {
            return "needle";
        }
        if (software == null) {
            return "software";
        }
        if (protocol == null) {
            return "protocol";
        }
        return missingInProtocol();
    }

    private String missingInProtocol() {
        if (protocol.name() == null) {
            return "protocol.name";
        }
        if (protocol.sha256() == null) {
            return "protocol.sha256";
        }
        if (protocol.needle() == null) {
            return "protocol.needle";
        }
        Windows w = protocol.windows();
        if (w == null) {
            return "protocol.windows";
        }
        if (w.dwell() == null) {
            return "protocol.windows.dwell";
        }
        if (w.weakTwitchDwell() == null) {
            return "protocol.windows.weakTwitchDwell";
        }
        if (w.compression() == null) {
            return "protocol.windows.compression";
        }
        // the lists themselves and their entries are never null: Protocol copies them with List.copyOf
        for (int i = 0; i < protocol.screening().size(); i++) {
            ScreeningItem item = protocol.screening().get(i);
            if (item.id() == null || item.kind() == null || item.question() == null) {
                return "protocol.screening[" + i + "]";
            }
        }
        for (int i = 0; i < protocol.sitePrep().size(); i++) {
            PrepItem item = protocol.sitePrep().get(i);
            if (item.id() == null || item.label() == null) {
                return "protocol.sitePrep[" + i + "]";
            }
        }
        return null;
    }

    public SessionSetup setup() {
        return new SessionSetup(id, clinician, patient, protocol, needle, training, software);
    }
}
