package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.Hostile;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import dev.tdn.journal.Journal;
import dev.tdn.journal.JournalHeader;
import dev.tdn.journal.JournaledSession;
import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;
import dev.tdn.record.RecordText;
import dev.tdn.record.Side;
import dev.tdn.record.Technique;
import dev.tdn.session.Input;
import dev.tdn.session.ManualTicker;
import dev.tdn.session.Protocols;
import dev.tdn.session.Session;
import dev.tdn.session.SessionSetup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An imported record, a clinic's protocol and config, file names and arguments, each holding
 * every terminal escape its schema lets through, shown by every command that prints for people:
 * nothing a terminal would obey reaches stdout or stderr, and the text still shows (as U+FFFD).
 * Real files, a real SQLite store, tdn run in-process as users run it.
 */
class NoEscapesReachTheTerminalTest {

    private static final String ESC = Hostile.ESCAPES;
    /** What an id may hold: the record's identifier rule refuses C0 controls, not C1 or bidi. */
    private static final String PATIENT = "MRN\u009b2J\u202e9\u2066";
    private static final String CLINICIAN = "pt-0017\u009b2J\u202e";
    private static final String ID = "8b0e5f1c-2d4a-4c7e-a1b9-5e6f7a8b9c0d";

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    private final List<String> shown = new ArrayList<>();

    /** Runs tdn and keeps what it printed for people, for the check at the end of each test. */
    private Result tdn(String... args) {
        return tdnWithInput("", args);
    }

    private Result tdnWithInput(String stdin, String... args) {
        Result r = TdnRunner.runWithInput(stdin, args);
        String what = "tdn " + String.join(" ", args);
        Hostile.assertPrintable(what + " (stdout)", r.out());
        Hostile.assertPrintable(what + " (stderr)", r.err());
        shown.add(r.out() + r.err());
        return r;
    }

    /** The aborted example with escapes in every free-text field the schema has, ids with what ids allow. */
    static String hostileRecord(Consumer<ObjectNode> more) {
        return RecordText.edited(Examples.ABORTED, t -> {
            ObjectNode clinician = (ObjectNode) t.get("clinician");
            clinician.put("id", CLINICIAN).put("name", "J. Okafor" + ESC).put("credentials", "PT" + ESC);
            ((ObjectNode) t.get("patient")).put("id", PATIENT);
            t.get("sitePrep").forEach(i -> append((ObjectNode) i, "label"));
            ObjectNode point = RecordText.point(t, 0);
            append(point, "muscle");
            point.put("muscleOf", "gluteus" + ESC).put("listed", false).put("location", "upper" + ESC);
            point.get("discomfort").forEach(d -> append((ObjectNode) d, "note"));
            t.get("deviations").forEach(d -> {
                append((ObjectNode) d, "detail");
                append((ObjectNode) d, "reason");
            });
            t.get("events").forEach(e -> {
                if (e.get("detail") != null) {
                    append((ObjectNode) e, "detail");
                }
            });
            t.put("notes", "first line" + ESC + "\r\nsecond\u0000line\u0008\r\u0085third\u2028");
            ObjectNode software = (ObjectNode) t.get("software");
            append(software, "name");
            append(software, "version");
            more.accept(t);
        });
    }

    private static void append(ObjectNode node, String field) {
        node.put(field, node.get(field).asString() + ESC);
    }

    private Path importedHostileRecord() throws Exception {
        Path file = home.resolve("hostile.json");
        Files.writeString(file, hostileRecord(t -> { }));
        Result imported = tdn("import", file.toString());
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        return file;
    }

    @Test
    void showListAndEveryReportShowARecordsTextNeutralised() throws Exception {
        Path file = importedHostileRecord();

        Result show = tdn("show", ID.substring(0, 8));
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("gluteus medius\uFFFD[2J\uFFFD]0;owned\uFFFD\uFFFD2J\uFFFDevil\uFFFD")
                .contains("patient     MRN\uFFFD2J\uFFFD9\uFFFD")
                .contains("(J. Okafor\uFFFD[2J")
                .contains("patient asked to stop\uFFFD[2J")
                // notes keep their lines, and nothing else that moves the cursor
                .contains("first line\uFFFD[2J")
                .containsPattern("\n +second\uFFFDline\uFFFD\uFFFD\uFFFDthird");
        assertThat(tdn("list").out()).contains("MRN\uFFFD2J\uFFFD9\uFFFD").contains("pt-0017\uFFFD2~");
        assertThat(tdn("list", "--patient", PATIENT).out()).contains("MRN\uFFFD2J");
        assertThat(tdn("validate", file.toString()).exitCode()).isZero();
        for (String report : new Spelled.Reports()) {
            Result r = report.equals("progress") ? tdn("report", report, "--patient", PATIENT) : tdn("report", report);
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        assertThat(tdn("report", "billing").out()).contains("pt-0017\uFFFD2J\uFFFD");
        assertThat(tdn("report", "progress", "--patient", PATIENT).out()).contains("gluteus medius\uFFFD[2J");
        // the same record as data keeps its text exactly: JSON escapes what a terminal would obey below U+0020
        Result json = TdnRunner.run("show", "--json", ID);
        assertThat(JsonMapper.shared().readTree(json.out()).get("notes").asString()).startsWith("first line" + ESC);
        assertThat(json.out()).doesNotContain("\u001b", "\u0007");
    }

    @Test
    void fileNamesArgumentsAndProblemsInErrorsAreNeutralised() throws Exception {
        importedHostileRecord();
        // a name a file system allows, holding a record whose unknown key and wrong value are hostile too
        Path named = home.resolve("from-emr" + ESC + ".json");
        Files.writeString(named, hostileRecord(t -> t.put("extra" + ESC, ESC).put("status", "done" + ESC)));
        String missing = home.resolve("gone" + ESC + ".json").toString();

        assertThat(tdn("validate", named.toString(), missing).exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(tdn("import", named.toString(), missing).exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(tdn("import", "--dry-run", home.path().toString()).exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(tdn("show", "zzzz" + ESC).exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(tdn("list", "--since", ESC).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(tdn("list", "--" + ESC).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(tdn("report", ESC).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(tdn("protocol", "show", "./" + ESC + ".json").exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(tdn("session", "-c", "pt-1", "-p", "MRN-1", "--protocol", ESC).exitCode()).isNotZero();
        assertThat(tdn("--store", "jdbc:sqlite:" + home.resolve("none" + ESC + "/tdn.db"), "list").exitCode())
                .isNotZero();
        assertThat(String.join("\n", shown)).contains("from-emr\uFFFD[2J").contains("gone\uFFFD[2J");
    }

    static String standardProtocol() throws Exception {
        try (InputStream in = NoEscapesReachTheTerminalTest.class.getResourceAsStream("/protocol/standard.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The standard protocol renamed, with {@code hostile} after every text a clinic may write. */
    static String protocol(String name, String hostile) throws Exception {
        ObjectNode p = (ObjectNode) JsonMapper.shared().readTree(standardProtocol());
        p.put("name", name).put("title", p.get("title").asString() + hostile);
        p.get("screening").forEach(i -> ((ObjectNode) i).put("question", i.get("question").asString() + hostile));
        p.get("sitePrep").forEach(i -> ((ObjectNode) i).put("label", i.get("label").asString() + hostile));
        p.get("steps").forEach(s -> ((ObjectNode) s).put("instruction", s.get("instruction").asString() + hostile));
        var aftercare = JsonMapper.shared().createArrayNode();
        p.get("aftercare").forEach(a -> aftercare.add(a.asString() + hostile));
        p.set("aftercare", aftercare);
        return JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(p);
    }

    @Test
    void aProtocolsTextIsNeutralisedInProtocolListShowValidateAndTheSessionsLines() throws Exception {
        Path protocols = Files.createDirectories(home.resolve("protocols"));
        // the protocol schema refuses C0 and C1 controls, so a usable protocol can hold only bidi controls
        Files.writeString(protocols.resolve("clinic.json"), protocol("clinic", Hostile.BIDI));
        Files.writeString(protocols.resolve("broken.json"), protocol("broken", ESC));

        assertThat(tdn("protocol", "list").out()).contains("clinic").contains("INVALID");
        assertThat(tdn("protocol", "show", "clinic").out()).contains("evil\uFFFDx\uFFFD\uFFFD");
        assertThat(tdn("protocol", "show", "broken").exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(tdn("protocol", "validate", protocols.resolve("clinic.json").toString(),
                protocols.resolve("broken.json").toString()).exitCode()).isEqualTo(ExitCode.DATA_ERR);

        // screened, site prepared, the planned muscle (with an escape) recorded as typed, and the input ends
        Result session = tdnWithInput("y\ny\n\n5\n\n\n\n\n\ny\n\n", "session", "-c", CLINICIAN,
                "-p", PATIENT, "--protocol", "clinic", "-m", "rhomb" + ESC + "oids:left", "--handout");
        assertThat(session.exitCode()).as(session.err()).isZero();
        assertThat(session.out()).contains("evil\uFFFDx\uFFFD\uFFFD").contains("rhomb\uFFFD[2J")
                .contains("Imported into the clinic store");
        String id = tree(TdnRunner.run("list", "--json").out()).get(0).get("id").asString();
        assertThat(tdn("show", id).out()).contains("rhomb\uFFFD[2J");
        assertThat(tdn("report", "progress", "--patient", PATIENT).out()).contains("MUSCLES");
    }

    @Test
    void configShowPrintsTheFileNeutralised() throws Exception {
        Files.writeString(home.resolve("config.json"), "{\"clinician\": {\"id\": \"" + CLINICIAN + "\",\n\t\"name\": \"A. Rivera"
                + Hostile.BIDI + "\u0085\"}}\r\n");
        assertThat(tdn("config", "show").out()).contains("A. Rivera\u202e".replace('\u202e', '\uFFFD'))
                .contains("\n    \"name\"");
        Files.writeString(home.resolve("config.json"), "{\"clinician\": {\"id\": \"pt-1\", \"name\": \"" + ESC + "\"}}");
        assertThat(tdn("config", "show").exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(tdn("session", "-p", "MRN-1").exitCode()).isEqualTo(ExitCode.DATA_ERR);
    }

    @Test
    void recoverSaysWhatItDidWithoutTheJournalsEscapes() throws Exception {
        Path journals = home.resolve("journal");
        SessionSetup setup = new SessionSetup(ID, new Clinician(CLINICIAN, "A. Rivera" + ESC, null), new Patient(PATIENT),
                Protocols.STANDARD, Protocols.STANDARD.needle(), false, "0.1.0");
        ManualTicker ticker = new ManualTicker();
        Session session = Session.start(setup, Clock.systemDefaultZone(), ticker);
        JournaledSession run = new JournaledSession(session,
                Journal.create(journals, JournalHeader.of(setup, session.startedAt())));
        run.accept(new Input.Consent(true));
        run.accept(new Input.Scope(true));
        for (var item : Protocols.STANDARD.screening()) {
            run.accept(new Input.ScreeningAnswered(item.id(), false));
        }
        run.accept(new Input.PainBefore(5));
        for (var item : Protocols.STANDARD.sitePrep()) {
            run.accept(new Input.SitePrepChecked(item.id()));
        }
        run.accept(new Input.PointIdentified("trapezius" + ESC, Side.LEFT, "upper" + ESC, true, false));
        ticker.advanceSeconds(5);
        run.accept(new Input.NeedleInserted(Technique.DYNAMIC, 10, 1, false));
        run.journal().close();
        // and a journal no session wrote, under a name that would retitle the window
        Files.writeString(journals.resolve("left" + ESC + ".ndjson"), "not a journal" + ESC + "\n");

        Result recovered = tdn("recover");
        assertThat(recovered.out()).contains("Recovered").contains("NEEDLES NOT RECORDED AS REMOVED");
        assertThat(recovered.err()).contains("left\uFFFD[2J");
        assertThat(tdn("show", ID).out()).contains("trapezius\uFFFD[2J").contains("MRN\uFFFD2J");
    }

    static JsonNode tree(String json) {
        return JsonMapper.shared().readTree(json);
    }
}
