package dev.tdn.session;

import dev.tdn.protocol.NeedleDefaults;
import dev.tdn.protocol.Protocol;
import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;

/**
 * Everything fixed before the first question: who, for whom, under which protocol, with which
 * needle. {@code training} marks a session run on a scaled clock.
 */
public record SessionSetup(String id, Clinician clinician, Patient patient, Protocol protocol, NeedleDefaults needle,
        boolean training, String softwareVersion) {
}
