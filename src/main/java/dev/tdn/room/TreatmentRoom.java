package dev.tdn.room;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.tdn.ExitCode;
import dev.tdn.Places;
import dev.tdn.Printable;
import dev.tdn.TdnException;
import dev.tdn.console.LineSession;
import dev.tdn.console.LiveSession;
import dev.tdn.console.StopNotice;
import dev.tdn.flow.CatalogueNames;
import dev.tdn.flow.PlannedPoint;
import dev.tdn.flow.SessionFlow;
import dev.tdn.journal.Journal;
import dev.tdn.journal.JournalHeader;
import dev.tdn.journal.JournaledSession;
import dev.tdn.journal.Resumption;
import dev.tdn.protocol.NeedleDefaults;
import dev.tdn.protocol.Protocol;
import dev.tdn.record.ClinicId;
import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;
import dev.tdn.session.Input;
import dev.tdn.session.Session;
import dev.tdn.session.SessionSetup;
import dev.tdn.session.Ticker;

/**
 * One session in the treatment room, from its first line to its filed record: the journal opened
 * before the first question (or taken up again after a crash), the conversation on the live screen
 * or in plain lines, then the record written, imported and summed up. {@code tdn session} decides
 * what to run; this is where it runs.
 */
public final class TreatmentRoom {

    /**
     * Where the record goes ({@code out} null: the sessions folder, or the training folder for
     * practice) and how the session is shown. {@code storeUrl} null: not imported.
     */
    public record Settings(Path out, String storeUrl, dev.tdn.store.AuditAction auditAs, boolean handout, boolean live, boolean colour) {
    }

    /**
     * What a new session is to be: who, for whom (null: asked first), on which protocol and needle,
     * the points planned, and whether it is training; {@code timeScale} above 1 runs a training clock faster.
     */
    public record Plan(Clinician clinician, String patient, Protocol protocol, NeedleDefaults needle,
            List<PlannedPoint> points, boolean training, double timeScale, String software) {
    }

    private final Places places;
    private final Settings settings;
    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;

    public TreatmentRoom(Places places, Settings settings, BufferedReader in, PrintWriter out, PrintWriter err) {
        this.places = places;
        this.settings = settings;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs a new session to its end; the exit code says how it ended (0 with the record filed). */
    public int begin(Plan plan) throws TdnException {
        String patientId = plan.patient() != null ? plan.patient() : askPatient();
        if (patientId == null) {
            throw new TdnException(ExitCode.USAGE, "no patient id given; nothing was recorded");
        }
        SessionSetup setup = new SessionSetup(UUID.randomUUID().toString(), plan.clinician(), new Patient(patientId),
                plan.protocol(), plan.needle(), plan.training(), plan.software());
        Ticker ticker = plan.timeScale() != 1 ? Ticker.scaled(Ticker.SYSTEM, plan.timeScale()) : Ticker.SYSTEM;
        Session session = Session.start(setup, Clock.systemDefaultZone(), ticker);
        JournaledSession run;
        try {
            run = new JournaledSession(session, Journal.create(places.journal(), JournalHeader.of(setup,
                    session.startedAt(), plan.timeScale())));
        } catch (IOException e) {
            throw new TdnException(ExitCode.IO_ERR, "cannot create the session journal in " + places.journal() + " ("
                    + e.getClass().getSimpleName() + "); no session was started", e);
        }
        out.println("Session " + setup.id() + " - protocol " + Printable.line(plan.protocol().name()) + " v" + plan.protocol().version()
                + (plan.training() ? " - TRAINING" + (plan.timeScale() != 1 ? " (clock x" + plan.timeScale() + ")" : "")
                        + ": not a clinical record, kept out of the clinic store" : ""));
        return converse(run, plan.points(), plan.timeScale());
    }

    /** Takes up the interrupted session {@code id} (empty: the only one waiting) where it stopped. */
    public int resume(String id) throws TdnException {
        JournaledSession run;
        try {
            // the journal keeps the session's pace: a training session resumes at its own scale
            run = Resumption.open(places.journal(), id, Ticker.SYSTEM, Clock.systemDefaultZone());
        } catch (IOException e) {
            throw new TdnException(ExitCode.IO_ERR, "the journal could not be opened (" + e.getClass().getSimpleName()
                    + ")", e);
        }
        Session session = run.session();
        // the protocol and the event come from the journal, which a protocol file's text reached
        out.println("Session " + session.setup().id() + " resumed - protocol "
                + Printable.line(session.setup().protocol().name()) + " v" + session.setup().protocol().version() + "; "
                + Printable.line(session.record().events().get(session.record().events().size() - 1).detail()));
        return converse(run, List.of(), 1);
    }

    /** The conversation on either console, then the record filed. */
    private int converse(JournaledSession run, List<PlannedPoint> planned, double timeScale) throws TdnException {
        // now, on the normal screen: a live screen that a signal ends never returns here to flush it
        out.flush();
        Path records = settings.out() != null ? settings.out() : places.records(run.session().setup().training());
        Filing filing = new Filing(run, records, out, err, settings.handout(), settings.storeUrl(),
                settings.auditAs());
        LineSession.Ending ending = LineSession.Ending.FINISHED;
        SessionFlow flow = new SessionFlow(run.session(), run, planned, new CatalogueNames());
        try {
            if (settings.live()) {
                // on the live screen Ctrl-C is a key that asks before aborting; a signal that stops
                // the JVM (SIGTERM, SIGHUP) leaves the session to its journal, and says so
                try (StopNotice stopped = StopNotice.during("tdn session: stopped before the end; the journal keeps"
                        + " every answer given: run 'tdn recover' to write the record")) {
                    LiveSession live = new LiveSession(flow, settings.colour(), timeScale);
                    ending = live.run();
                    // said on the live screen as it closed: said again where it stays
                    flow.farewell().forEach(line -> out.println(Printable.line(line)));
                    filing.wrapAt(live.columns());
                }
            } else {
                try (Interrupts interrupts = Interrupts.install(() -> {
                    run.accept(new Input.Aborted("interrupted (Ctrl-C)"));
                    return filing.file() == ExitCode.OK ? ExitCode.INTERRUPTED : ExitCode.IO_ERR;
                }, err)) {
                    new LineSession(flow, in, out).run();
                    // a Ctrl-C abort may have ended the conversation: this thread then exits as
                    // the signal's does, with 130 and the record written
                    if (interrupts.fired()) {
                        ending = LineSession.Ending.INTERRUPTED;
                    }
                }
            }
        } catch (IOException e) {
            throw new TdnException(ExitCode.IO_ERR, "the terminal failed (" + e.getClass().getSimpleName()
                    + "). The journal keeps what was recorded: run 'tdn recover'.", e);
        } catch (UncheckedIOException e) {
            throw new TdnException(ExitCode.IO_ERR, "the journal could not be written ("
                    + e.getCause().getClass().getSimpleName()
                    + "). The session stops here; its journal keeps what was recorded: run 'tdn recover'.", e);
        }
        int filed = filing.file();
        return filed == ExitCode.OK && ending == LineSession.Ending.INTERRUPTED ? ExitCode.INTERRUPTED : filed;
    }

    private String askPatient() {
        try {
            while (true) {
                out.println("Patient id (the clinic's identifier, not a name):");
                out.flush();
                String line = in.readLine();
                if (line == null) {
                    return null;
                }
                String id = line.strip();
                String problem = id.isEmpty() ? null : ClinicId.problem(id);
                if (problem != null) {
                    // never echoed: it is a patient's identifier
                    out.println("That id " + problem + "; a patient id is 1-" + ClinicId.MAX_LENGTH
                            + " printable characters.");
                } else if (!id.isEmpty()) {
                    return id;
                }
            }
        } catch (IOException e) {
            return null;
        }
    }
}
