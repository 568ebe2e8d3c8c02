package dev.tdn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import dev.tdn.Config;
import dev.tdn.ExitCode;
import dev.tdn.Places;
import dev.tdn.console.Consoles;
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
import dev.tdn.protocol.MuscleCatalogue;
import dev.tdn.protocol.NeedleDefaults;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ProtocolCatalog;
import dev.tdn.protocol.ProtocolException;
import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;
import dev.tdn.record.RecordFile;
import dev.tdn.record.SessionRecord;
import dev.tdn.session.Input;
import dev.tdn.session.Session;
import dev.tdn.session.SessionSetup;
import dev.tdn.session.Ticker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "session",
        mixinStandardHelpOptions = true,
        description = {
            "Guide a dry needling session step by step and write its record.",
            "Screening and consent, site prep, then for each trigger point: identify, insert, the timed"
                    + " dwell (a weak twitch extends its window), removal, cleansing and timed compression;"
                    + " then hand hygiene and closing questions. Every answer is journaled to disk as it is"
                    + " given, so an interrupted session can be finished with 'tdn recover'.",
            "Without a terminal (a pipe or a script) each prompt is one line and each answer one line;"
                    + " see examples/scripted-session.md."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn session -p MRN-12345",
            "  tdn session -p MRN-12345 -m \"upper trapezius:left\" -m \"levator scapulae:right\"",
            "  tdn session -p MRN-12345 --protocol ~/clinic/longer-compression.json --out /srv/records",
            "  tdn session --resume          (after a crash: go on where the session stopped)",
            "",
            "Type abort at any prompt to end early; the record is still written.",
            "Type undo at any prompt to take back your last answer; ? shows help.",
            "On the live screen the keys are u (undo), q (abort) and ? (help); Ctrl-C asks first, like q.",
            "In plain lines, Ctrl-C twice within 3 seconds aborts. An abort by Ctrl-C exits 130.",
            "",
            "Exit codes:",
            "  0    the session ended (completed, aborted or not done) and its record is written",
            "  2    usage error, such as no clinician id",
            "  65   the protocol or the config file is not valid",
            "  66   the protocol was not found",
            "  74   the journal or the record could not be written",
            "  130  interrupted with Ctrl-C; the record is written"})
public final class SessionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Option(names = {"-p", "--patient"}, paramLabel = "ID",
            description = "The clinic's patient identifier, such as an MRN (never a name). Asked if left out.")
    String patient;

    @Option(names = {"-c", "--clinician"}, paramLabel = "ID",
            description = "Your clinician id; defaults to clinician.id in the config file.")
    String clinician;

    @Option(names = "--protocol", paramLabel = "NAME|FILE", completionCandidates = ProtocolCatalog.Names.class,
            description = "Protocol to follow (default: the config's, else 'standard').")
    String protocolName;

    @Option(names = {"-m", "--muscle"}, paramLabel = "NAME[:SIDE]", completionCandidates = MuscleCatalogue.Candidates.class,
            description = "Plan the points in order, such as \"upper trapezius:left\"; each is offered as the default.")
    List<String> muscles = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Write the record here instead of the sessions folder.")
    Path out;

    @Option(names = "--handout", description = "Print the aftercare handout for the patient at the end.")
    boolean handout;

    @Option(names = "--no-import", description = "Do not import the record into the clinic store (it is written to its file either way).")
    boolean noImport;

    @Option(names = "--resume", arity = "0..1", paramLabel = "ID", fallbackValue = "",
            description = "Go on with an interrupted session from its journal, at the step where it stopped (the only"
                    + " one waiting, or ID). The outage is recorded, estimated from the wall clock.")
    String resume;

    @Option(names = "--plain", description = "Plain lines even on a terminal (one prompt, one answer per line).")
    boolean plain;

    @Option(names = "--time-scale", hidden = true, paramLabel = "N",
            description = "Run the clock N times faster, for training; the record is marked training.")
    double timeScale = 1;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeScale <= 0 || timeScale > 1000) {
            throw new ParameterException(spec.commandLine(), "--time-scale must be above 0 and at most 1000");
        }
        List<PlannedPoint> planned = new ArrayList<>();
        for (String m : muscles) {
            planned.add(PlannedPoint.parse(m).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "-m takes NAME or NAME:SIDE with SIDE left or right, such as \"upper trapezius:left\"")));
        }
        Places places = TdnHome.places();
        Config config;
        try {
            config = Config.load(places.configFile());
        } catch (Config.Invalid e) {
            err.println("tdn session: config: " + e.problem().format());
            return ExitCode.DATA_ERR;
        } catch (IOException e) {
            err.println("tdn session: " + places.configFile() + ": cannot be read");
            return ExitCode.IO_ERR;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(root.stdin(), StandardCharsets.UTF_8));
        Path records = this.out != null ? this.out : places.sessions();
        if (resume != null) {
            if (patient != null || clinician != null || protocolName != null || !muscles.isEmpty()) {
                throw new ParameterException(spec.commandLine(),
                        "--resume takes the patient, clinician, protocol and points from the journal");
            }
            JournaledSession run;
            try {
                // the journal keeps the session's pace: a training session resumes at its own scale
                run = Resumption.open(places.journal(), resume, Ticker.SYSTEM, Clock.systemDefaultZone());
            } catch (Resumption.CannotResume e) {
                err.println("tdn session: " + e.getMessage());
                return e.exitCode();
            } catch (IOException e) {
                err.println("tdn session: the journal could not be opened (" + e.getClass().getSimpleName() + ")");
                return ExitCode.IO_ERR;
            }
            Session session = run.session();
            out.println("Session " + session.setup().id() + " resumed - protocol " + session.setup().protocol().name()
                    + " v" + session.setup().protocol().version() + "; "
                    + session.record().events().get(session.record().events().size() - 1).detail());
            return converse(run, List.of(), records, in, out, err);
        }
        Clinician who = clinician(config);
        Protocol protocol;
        try {
            protocol = ProtocolCatalog.from(places).load(protocolName != null ? protocolName
                    : config.protocol() != null ? config.protocol() : "standard");
        } catch (ProtocolException e) {
            err.println("tdn session: " + e.getMessage());
            e.problems().forEach(p -> err.println(p.format()));
            return e.exitCode();
        }
        String patientId = patient != null ? patient : askPatient(in, out);
        if (patientId == null) {
            err.println("tdn session: no patient id given; nothing was recorded");
            return ExitCode.USAGE;
        }
        NeedleDefaults needle = config.needle() == null ? protocol.needle() : new NeedleDefaults(
                config.needle().lengthMm(), config.needle().gaugeMm(), protocol.needle().depthMm());
        boolean training = timeScale != 1;
        SessionSetup setup = new SessionSetup(UUID.randomUUID().toString(), who, new Patient(patientId), protocol,
                needle, training, VersionProvider.version());
        Ticker ticker = training ? Ticker.scaled(Ticker.SYSTEM, timeScale) : Ticker.SYSTEM;
        Session session = Session.start(setup, Clock.systemDefaultZone(), ticker);

        JournaledSession run;
        try {
            run = new JournaledSession(session, Journal.create(places.journal(), JournalHeader.of(setup,
                    session.startedAt(), timeScale)));
        } catch (IOException e) {
            err.println("tdn session: cannot create the session journal in " + places.journal() + " ("
                    + e.getClass().getSimpleName() + "); no session was started");
            return ExitCode.IO_ERR;
        }
        out.println("Session " + setup.id() + " - protocol " + protocol.name() + " v" + protocol.version()
                + (training ? " - TRAINING (clock x" + timeScale + ")" : ""));
        return converse(run, planned, records, in, out, err);
    }

    /** The conversation on either console, then the record written, imported and summed up. */
    private int converse(JournaledSession run, List<PlannedPoint> planned, Path records, BufferedReader in,
            PrintWriter out, PrintWriter err) {
        Session session = run.session();
        // now, on the normal screen: a live screen that a signal ends never returns here to flush it
        out.flush();
        Finish finish = new Finish(run, records, out, err, handout, noImport ? null : root.storeUrl());
        LineSession.Ending ending = LineSession.Ending.FINISHED;
        SessionFlow flow = new SessionFlow(session, run, planned, new CatalogueNames());
        try {
            if (Consoles.live(plain, System.getenv())) {
                // on the live screen Ctrl-C is a key that asks before aborting; a signal that stops
                // the JVM (SIGTERM, SIGHUP) leaves the session to its journal, and says so
                try (StopNotice stopped = StopNotice.during("tdn session: stopped before the end; the journal keeps"
                        + " every answer given: run 'tdn recover' to write the record")) {
                    LiveSession live = new LiveSession(flow, root.colour(), timeScale);
                    ending = live.run();
                    // said on the live screen as it closed: said again where it stays
                    flow.farewell().forEach(out::println);
                    finish.wrapAt(live.columns());
                }
            } else {
                try (Interrupts interrupts = Interrupts.install(() -> {
                    run.accept(new Input.Aborted("interrupted (Ctrl-C)"));
                    return finish.write() == ExitCode.OK ? ExitCode.INTERRUPTED : ExitCode.IO_ERR;
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
            err.println("tdn session: the terminal failed (" + e.getClass().getSimpleName()
                    + "). The journal keeps what was recorded: run 'tdn recover'.");
            return ExitCode.IO_ERR;
        } catch (UncheckedIOException e) {
            err.println("tdn session: the journal could not be written (" + e.getCause().getClass().getSimpleName()
                    + "). The session stops here; its journal keeps what was recorded: run 'tdn recover'.");
            return ExitCode.IO_ERR;
        }
        int written = finish.write();
        return written == ExitCode.OK && ending == LineSession.Ending.INTERRUPTED ? ExitCode.INTERRUPTED : written;
    }

    private Clinician clinician(Config config) {
        Clinician fromConfig = config.clinician();
        String id = clinician != null ? clinician : fromConfig == null ? null : fromConfig.id();
        if (id == null || id.isBlank()) {
            throw new ParameterException(spec.commandLine(), "no clinician id: give -c ID, or set clinician.id in "
                    + TdnHome.places().configFile());
        }
        if (fromConfig != null && id.equals(fromConfig.id())) {
            return fromConfig;
        }
        return new Clinician(id, null, null);
    }

    private static String askPatient(BufferedReader in, PrintWriter out) {
        try {
            while (true) {
                out.println("Patient id (the clinic's identifier, not a name):");
                out.flush();
                String line = in.readLine();
                if (line == null) {
                    return null;
                }
                if (!line.isBlank()) {
                    return line.strip();
                }
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes the record once, whichever way the session ended, then retires the journal and imports the record. */
    private static final class Finish {
        private final JournaledSession run;
        private final Path records;
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean handout;
        private final String storeUrl;
        private Integer result;
        /** The terminal's width after a live screen, to wrap the summary at; 0 in plain lines, never wrapped. */
        private int width;

        Finish(JournaledSession run, Path records, PrintWriter out, PrintWriter err, boolean handout, String storeUrl) {
            this.run = run;
            this.records = records;
            this.out = out;
            this.err = err;
            this.handout = handout;
            this.storeUrl = storeUrl;
        }

        void wrapAt(int columns) {
            width = columns;
        }

        private String wrapped(String text) {
            return width <= 0 ? text : dev.tdn.console.Wrap.paragraphs(text, width - 1);
        }

        synchronized int write() {
            if (result != null) {
                return result;
            }
            SessionRecord record = run.session().record();
            Path file;
            try {
                file = RecordFile.write(records, record);
            } catch (IOException e) {
                err.println("tdn session: the record could not be written to " + records + " ("
                        + e.getClass().getSimpleName() + "). Nothing is lost: the journal " + run.journal().file()
                        + " keeps the session; run 'tdn recover --out DIR' once the problem is fixed.");
                err.flush();
                return result = ExitCode.IO_ERR;
            }
            out.println();
            out.println(wrapped(SessionSummary.of(record)));
            // imported before the journal goes: a kill in between leaves the journal, and recover
            // then finds the record already written and imports it, so it never misses the store
            new StoreImport(storeUrl, "tdn session", out, err).record(file, record.training());
            try {
                run.journal().retire();
            } catch (IOException e) {
                err.println("tdn session: record written; the journal " + run.journal().file()
                        + " could not be removed (remove it by hand; 'tdn recover' would find the record already there)");
            }
            out.println("Record: " + file);
            if (handout) {
                out.println();
                out.println(SessionSummary.handout(run.session().setup().protocol()));
            }
            out.flush();
            return result = ExitCode.OK;
        }
    }
}
