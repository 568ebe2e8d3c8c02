package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.TdnProcess.Result;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A session killed with the needle in, taken up again where it stopped, as the clinician would. */
class ResumeProcessIT {

    @TempDir
    Path home;

    List<Path> files(String dir) throws Exception {
        Path d = home.resolve(dir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aKilledSessionIsResumedAtItsStepAndEndsInAValidResumedRecordInTheStore() throws Exception {
        try (Conversation c = Conversation.start(home, "session", "-p", "MRN-7", "-c", "pt-1")) {
            SessionProcessIT.screenAndPrepare(c);
            SessionProcessIT.identify(c, 1, "upper trapezius");
            c.answer("Insert the needle", "");
            c.expect("Dwell timer started");
            c.expect("Dwell:");
            c.kill();
        }
        Thread.sleep(1500);
        int exit;
        String said;
        try (Conversation c = Conversation.start(home, "session", "--resume")) {
            assertThat(c.expect("resumed")).contains("outage of").contains("estimated from the wall clock");
            // the needle is still in: the dwell goes on where it stopped
            c.answer("Dwell:", "s").answer("Dwell:", "");
            c.answer("Reason:", "1");
            c.answer("Cleanse the site", "").answer("Enter to start the compression timer", "")
                    .answer("Compressing", "").answer("Reason:", "1");
            c.answer("Bleeding at the site?", "n").answer("Another trigger point?", "n");
            c.answer("Sanitize your hands", "").answer("Pain now, 0-10", "2").answer("Adverse events seen, comma", "")
                    .answer("Aftercare advice given", "y").answer("Notes (Enter for none)", "");
            exit = c.exit();
            said = c.rest();
        }
        assertThat(exit).as(said).isZero();
        assertThat(said).doesNotContain("interrupted session waits").contains("Imported into the clinic store.");
        assertThat(files("journal")).isEmpty();
        List<Path> records = files("sessions");
        assertThat(records).hasSize(1);
        Result valid = TdnProcess.run("validate", records.get(0).toString());
        assertThat(valid.exitCode()).as(valid.out()).isZero();
        JsonNode r = JsonMapper.shared().readTree(records.get(0).toFile());
        assertThat(r.get("status").asString()).isEqualTo("resumed");
        assertThat(r.at("/patient/id").asString()).isEqualTo("MRN-7");
        assertThat(r.at("/points/0/muscle").asString()).isEqualTo("upper trapezius");
        double estimated = r.at("/points/0/dwell/estimatedSeconds").asDouble();
        assertThat(estimated).isGreaterThan(1.0).isLessThan(r.at("/points/0/dwell/seconds").asDouble());
        List<String> types = new java.util.ArrayList<>();
        r.get("events").forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).containsSubsequence("needle.inserted", "session.resumed", "twitch.marked", "needles.removed");

        Result listed = TdnProcess.runIn(home, "list", "--status", "resumed");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains(r.get("id").asString().substring(0, 8));
    }

    @Test
    void aSessionStillRunningIsNeitherResumedNorRecoveredByAnotherTdn() throws Exception {
        try (Conversation c = Conversation.start(home, "session", "-p", "MRN-7", "-c", "pt-1")) {
            c.answer("Informed consent confirmed?", "y");
            c.expect("scope of practice");

            Result resumed = TdnProcess.runIn(home, "session", "--resume");
            assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCode.NO_INPUT);
            Result recovered = TdnProcess.runIn(home, "recover");
            assertThat(recovered.exitCode()).isZero();
            assertThat(recovered.out()).contains("No interrupted sessions.");
            assertThat(TdnProcess.runIn(home, "list").err()).doesNotContain("interrupted session waits");
            assertThat(files("journal")).hasSize(1);

            c.send("y");
            c.answer("Screening 1-15", "1");
            assertThat(c.exit()).isZero();
        }
        assertThat(files("journal")).isEmpty();
        JsonNode r = JsonMapper.shared().readTree(files("sessions").get(0).toFile());
        assertThat(r.get("status").asString()).isEqualTo("not-done");
        assertThat(r.at("/screening/scopeConfirmed").asBoolean()).isTrue();
    }

    @Test
    void withNothingToResumeItSaysSoAndExits66() throws Exception {
        Result r = TdnProcess.runIn(home, "session", "--resume");
        assertThat(r.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(r.err()).contains("no interrupted session waits");
    }

    @Test
    void theJournalGivesThePatientSoNoneIsTaken() throws Exception {
        Result r = TdnProcess.runIn(home, "session", "--resume", "-p", "MRN-9");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--resume takes the patient");
    }
}
