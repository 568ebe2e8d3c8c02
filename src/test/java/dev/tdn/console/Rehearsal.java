package dev.tdn.console;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.tdn.Places;
import dev.tdn.flow.CatalogueNames;
import dev.tdn.flow.PlannedPoint;
import dev.tdn.flow.SessionFlow;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ProtocolCatalog;
import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;
import dev.tdn.session.ManualTicker;
import dev.tdn.session.Session;
import dev.tdn.session.SessionSetup;

/**
 * A session on the built-in standard protocol with a hand-moved clock, for the consoles' tests:
 * the real words, the real catalogue, no terminal and no waiting.
 */
final class Rehearsal {

    static final Protocol STANDARD = load();

    final ManualTicker ticker = new ManualTicker();
    final Session session;
    final SessionFlow flow;

    Rehearsal(String... planned) {
        this(STANDARD, "MRN-12345", planned);
    }

    /** A session on {@code protocol}, as it is, unvalidated: the consoles' own defences are what is tested. */
    Rehearsal(Protocol protocol, String patient, String... planned) {
        session = Session.start(new SessionSetup("3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44",
                new Clinician("pt-0042", "A. Rivera", "PT, DPT"), new Patient(patient), protocol,
                protocol.needle(), false, "0.1.0"),
                Clock.fixed(Instant.parse("2026-11-26T20:03:11.204Z"), ZoneOffset.ofHours(-6)), ticker);
        flow = new SessionFlow(session, session::apply,
                List.of(planned).stream().map(p -> PlannedPoint.parse(p).orElseThrow()).toList(), new CatalogueNames());
    }

    private static Protocol load() {
        try {
            return ProtocolCatalog.from(new Places(Path.of("/nonexistent"), Path.of("/nonexistent"))).load("standard");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
