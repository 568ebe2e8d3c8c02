package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import dev.tdn.journal.Journal;
import dev.tdn.journal.JournalHeader;
import dev.tdn.journal.JournaledSession;
import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;
import dev.tdn.session.Input;
import dev.tdn.session.ManualTicker;
import dev.tdn.session.Protocols;
import dev.tdn.session.Session;
import dev.tdn.session.SessionSetup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The session and recover commands' choices and failures, in-process, under a temporary home. */
class SessionCommandTest {

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    List<Path> records() throws Exception {
        return records("sessions");
    }

    List<Path> records(String folder) throws Exception {
        Path dir = home.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void withoutAClinicianIdNothingStarts() throws Exception {
        Result r = TdnRunner.run("session", "-p", "MRN-1");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("no clinician id").contains(home.resolve("config.json").toString());
        assertThat(Files.exists(home.resolve("journal"))).isFalse();
    }

    @Test
    void theConfigSuppliesTheClinicianAndTheRecordCarriesThem() throws Exception {
        Files.writeString(home.resolve("config.json"),
                "{\"clinician\": {\"id\": \"pt-0042\", \"name\": \"A. Rivera\", \"credentials\": \"PT, DPT\"}}");

        Result r = TdnRunner.runWithInput("y\n", "session", "-p", "MRN-1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode record = JsonMapper.shared().readTree(records().get(0).toFile());
        assertThat(record.at("/clinician/name").asString()).isEqualTo("A. Rivera");
        assertThat(record.get("status").asString()).isEqualTo("aborted");
        assertThat(r.out()).contains("Input ended").contains("Record: " + records().get(0));
    }

    @Test
    void aTrainingSessionNeedsNoIdsAndStaysOutOfTheStore() throws Exception {
        Result r = TdnRunner.runWithInput("y\n", "session", "--training");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("TRAINING").contains("not imported into the clinic store");
        // apart from clinical records: a script importing the sessions folder never meets it
        assertThat(records()).isEmpty();
        JsonNode record = JsonMapper.shared().readTree(records("training").get(0).toFile());
        assertThat(record.get("training").asBoolean()).isTrue();
        assertThat(record.at("/clinician/id").asString()).isEqualTo(SessionCommand.TRAINING_CLINICIAN);
        assertThat(record.at("/patient/id").asString()).isEqualTo(SessionCommand.TRAINING_PATIENT);
        assertThat(Files.exists(home.resolve("tdn.db"))).isFalse();
    }

    @Test
    void aTrainingSessionKeepsTheIdsItIsGiven() throws Exception {
        Result r = TdnRunner.runWithInput("y\n", "session", "--training", "-c", "pt-9", "-p", "MRN-TRAIN");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode record = JsonMapper.shared().readTree(records("training").get(0).toFile());
        assertThat(record.at("/clinician/id").asString()).isEqualTo("pt-9");
        assertThat(record.at("/patient/id").asString()).isEqualTo("MRN-TRAIN");
    }

    @Test
    void anIdNoRecordCouldHoldStopsTheSessionBeforeItStartsWithoutEchoingIt() {
        for (String[] ids : new String[][] {{"MRN\t1", "pt-1"}, {"MRN-1", "x".repeat(65)}, {"MRN\u001b[2J", "pt-1"}}) {
            Result r = TdnRunner.runWithInput("y\n", "session", "-p", ids[0], "-c", ids[1]);

            assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).contains("a record's ids are 1-64 printable characters").doesNotContain(ids[0]);
            assertThat(Files.exists(home.resolve("journal"))).as("nothing started").isFalse();
        }
    }

    @Test
    void aConfigHoldingNullIsALocatedDataError() throws Exception {
        Files.writeString(home.resolve("config.json"), "null\n");

        Result r = TdnRunner.run("session", "-p", "MRN-1", "-c", "pt-1");

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.err()).contains("config.json:1:1: $: must be an object, not null [wrong-type]");
    }

    @Test
    void aBrokenConfigIsNamedByFileLineAndPath() throws Exception {
        Files.writeString(home.resolve("config.json"), "{\n  \"clinican\": {\"id\": \"pt-1\"}\n}\n");

        Result r = TdnRunner.run("session", "-p", "MRN-1");

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        // the misspelt key is placed by line and column, never quoted: a file's keys can be patient data
        assertThat(r.err()).contains("config.json:2:").contains(": $.<unknown>: unknown field").doesNotContain("clinican");
    }

    @Test
    void anUnknownProtocolIsNotFound() {
        Result r = TdnRunner.run("session", "-p", "MRN-1", "-c", "pt-1", "--protocol", "acupuncture");

        assertThat(r.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(r.err()).contains("standard");
    }

    @Test
    void plannedMusclesNeedAKnownSide() {
        Result r = TdnRunner.run("session", "-p", "MRN-1", "-c", "pt-1", "-m", "upper trapezius:up");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("NAME:SIDE");
    }

    @Test
    void thePatientIsAskedWhenNotGiven() throws Exception {
        Result r = TdnRunner.runWithInput("MRN-77\ny\n", "session", "-c", "pt-1", "--out", home.resolve("out").toString());

        assertThat(r.out()).startsWith("Patient id");
        try (Stream<Path> s = Files.list(home.resolve("out"))) {
            JsonNode record = JsonMapper.shared().readTree(s.findFirst().orElseThrow().toFile());
            assertThat(record.at("/patient/id").asString()).isEqualTo("MRN-77");
        }
    }

    @Test
    void noPatientAndNoInputRecordsNothing() throws Exception {
        Result r = TdnRunner.run("session", "-c", "pt-1");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(records()).isEmpty();
    }

    @Test
    void recoverWithNothingToRecover() {
        Result r = TdnRunner.run("recover");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("No interrupted sessions.");
    }

    @Test
    void recoverAnUnknownIdIsNotFound() {
        Result r = TdnRunner.run("recover", "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44");

        assertThat(r.exitCode()).isEqualTo(ExitCode.NO_INPUT);
    }

    @Test
    void recoverWritesTheRecordThenRetiresTheJournal() throws Exception {
        SessionSetup setup = new SessionSetup("3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44", new Clinician("pt-1", null, null),
                new Patient("MRN-1"), Protocols.STANDARD, Protocols.STANDARD.needle(), false, "0.1.0");
        ManualTicker ticker = new ManualTicker();
        Session session = Session.start(setup, Clock.systemDefaultZone(), ticker);
        Journal journal = Journal.create(home.resolve("journal"), JournalHeader.of(setup, session.startedAt()));
        JournaledSession run = new JournaledSession(session, journal);
        run.accept(new Input.Consent(true));
        run.accept(new Input.Scope(true));
        journal.close();

        Result r = TdnRunner.run("recover");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Recovered").contains("(recovered, 2 inputs replayed)");
        assertThat(records()).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                .endsWith("_3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.json"));
        assertThat(Files.list(home.resolve("journal")).count()).isZero();
        Result validate = TdnRunner.run("validate", records().get(0).toString());
        assertThat(validate.exitCode()).as(validate.out()).isZero();

        Result again = TdnRunner.run("recover");
        assertThat(again.out()).contains("No interrupted sessions.");
    }

    @Test
    void anUnreadableJournalIsSetAsideAndNoLongerStopsRecovery() throws Exception {
        Files.createDirectories(home.resolve("journal"));
        Files.writeString(home.resolve("journal/broken.ndjson"), "not json\n");

        Result r = TdnRunner.run("recover");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("broken.ndjson").contains("set aside as " + home.resolve("journal/set-aside"));
        assertThat(Files.exists(home.resolve("journal/broken.ndjson"))).isFalse();
        assertThat(home.resolve("journal/set-aside/broken.ndjson.no-header")).hasContent("not json");
        assertThat(TdnRunner.run("recover").out()).contains("No interrupted sessions.");
    }
}
