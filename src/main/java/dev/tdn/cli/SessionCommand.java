package dev.tdn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tdn.console.TypedLines;
import dev.tdn.Config;
import dev.tdn.Places;
import dev.tdn.TdnException;
import dev.tdn.console.Consoles;
import dev.tdn.flow.PlannedPoint;
import dev.tdn.protocol.MuscleCatalogue;
import dev.tdn.protocol.NeedleDefaults;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ProtocolCatalog;
import dev.tdn.record.ClinicId;
import dev.tdn.record.Clinician;
import dev.tdn.room.TreatmentRoom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "session",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = {
            "Guide a dry needling session step by step and write its record.",
            "Screening and consent, site prep, then for each trigger point: identify, insert, the timed"
                    + " dwell (a weak twitch extends its window), removal, cleansing and timed compression;"
                    + " then hand hygiene and closing questions. Every answer is journaled to disk as it is"
                    + " given, so an interrupted session can be finished with 'tdn recover'.",
            "Without a terminal (a pipe or a script) each prompt is one line and each answer one line;"
                    + " see examples/scripted-session.md.",
            "--training runs the same session as practice: the record says training, is kept in the"
                    + " training folder apart from clinical records and stays out of the clinic store, and no"
                    + " clinician or patient id is needed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "  0:the session ended (completed, aborted or not done) and its record is written",
            "  2:usage error, such as no clinician id",
            " 65:the protocol or the config file is not valid",
            " 66:the protocol was not found",
            " 74:the journal or the record could not be written",
            "130:interrupted with Ctrl-C; the record is written"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn session --training        (practice: a training record, kept out of the store)",
            "  tdn session -p MRN-12345",
            "  tdn session -p MRN-12345 -m \"upper trapezius:left\" -m \"levator scapulae:right\"",
            "  tdn session -p MRN-12345 --protocol ~/drafts/clinic-longer-compression.json --out /srv/records",
            "  tdn session --resume          (after a crash: go on where the session stopped)",
            "",
            "Type abort at any prompt to end early; the record is still written.",
            "Type undo at any prompt to take back your last answer; ? shows help.",
            "On the live screen the keys are u (undo), q (abort) and ? (help); Ctrl-C asks first, like q.",
            "In plain lines, Ctrl-C twice within 3 seconds aborts. An abort by Ctrl-C exits 130."})
public final class SessionCommand implements Callable<Integer> {

    /** Who a training session is for when no one is named: practice needs no real ids. */
    static final String TRAINING_CLINICIAN = "trainee";
    static final String TRAINING_PATIENT = "practice";

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Option(names = {"-p", "--patient"}, paramLabel = "ID",
            description = "The clinic's patient identifier, such as an MRN (never a name). Asked if left out.")
    String patient;

    @Option(names = {"-c", "--clinician"}, paramLabel = "ID", description = "Your clinician id (from config.json: tdn config init).")
    String clinician;

    @Option(names = "--protocol", paramLabel = "NAME|FILE", completionCandidates = ProtocolCatalog.Names.class,
            description = "Protocol to follow (from config.json, else standard).")
    String protocolName;

    @Option(names = {"-m", "--muscle"}, paramLabel = "NAME[:SIDE]", completionCandidates = MuscleCatalogue.Candidates.class,
            showDefaultValue = Help.Visibility.NEVER,
            description = "Plan the points in order, such as \"upper trapezius:left\"; each is offered as the default.")
    List<String> muscles = new ArrayList<>();

    @Option(names = "--training", description = "Practice: the record is marked training and is not imported.")
    boolean training;

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
            description = "Run the clock N times faster, for training and tests; the record is marked training.")
    double timeScale = 1;

    @Override
    public Integer call() throws TdnException {
        if (timeScale <= 0 || timeScale > 1000) {
            throw new ParameterException(spec.commandLine(), "--time-scale must be above 0 and at most 1000");
        }
        Places places = TdnHome.places();
        TreatmentRoom room = new TreatmentRoom(places, new TreatmentRoom.Settings(out,
                noImport ? null : root.storeUrl(), AuditedAs.command(spec, root), handout, Consoles.live(plain, System.getenv()), root.colour()),
                new TypedLines(root.stdin()),
                spec.commandLine().getOut(), spec.commandLine().getErr());
        if (resume != null) {
            if (patient != null || spec.commandLine().getParseResult().hasMatchedOption("--clinician")
                    || spec.commandLine().getParseResult().hasMatchedOption("--protocol") || !muscles.isEmpty()) {
                throw new ParameterException(spec.commandLine(),
                        "--resume takes the patient, clinician, protocol and points from the journal");
            }
            return room.resume(resume);
        }
        boolean practice = training || timeScale != 1;
        Config config = root.config();
        Clinician who = clinician(config, practice);
        checkId("-c/--clinician", who.id());
        if (patient != null) {
            checkId("-p/--patient", patient);
        }
        List<PlannedPoint> planned = planned();
        Protocol protocol = ProtocolCatalog.from(places).load(protocolName);
        return room.begin(new TreatmentRoom.Plan(who, patient != null || !practice ? patient : TRAINING_PATIENT,
                protocol, needle(config, protocol), planned, practice, timeScale, VersionProvider.version()));
    }

    /** Before anything starts: a record holding this id could never be imported. The id itself is not echoed. */
    private void checkId(String option, String id) {
        String problem = ClinicId.problem(id);
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), option + ": the id " + problem
                    + "; a record's ids are 1-" + ClinicId.MAX_LENGTH + " printable characters");
        }
    }

    private List<PlannedPoint> planned() {
        List<PlannedPoint> planned = new ArrayList<>();
        for (String m : muscles) {
            planned.add(PlannedPoint.parse(m).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "-m takes NAME or NAME:SIDE with SIDE left or right, such as \"upper trapezius:left\"")));
        }
        return planned;
    }

    /** -c, else config.json's clinician (picocli filled it in); the config's name and credentials go with its id. */
    private Clinician clinician(Config config, boolean practice) {
        Clinician fromConfig = config.clinician();
        if (clinician == null || clinician.isBlank()) {
            if (practice) {
                return new Clinician(TRAINING_CLINICIAN, null, null);
            }
            throw new ParameterException(spec.commandLine(), "no clinician id: give -c ID, or set clinician.id in "
                    + TdnHome.places().configFile() + " with 'tdn config init' (or practise first: tdn session --training)");
        }
        if (fromConfig != null && clinician.equals(fromConfig.id())) {
            return fromConfig;
        }
        return new Clinician(clinician, null, null);
    }

    /** The config's needle where it names one, the protocol's otherwise; the depth is always the protocol's. */
    private static NeedleDefaults needle(Config config, Protocol protocol) {
        return config.needle() == null ? protocol.needle() : new NeedleDefaults(config.needle().lengthMm(),
                config.needle().gaugeMm(), protocol.needle().depthMm());
    }
}
