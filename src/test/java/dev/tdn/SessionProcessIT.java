package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.TdnProcess.Result;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The guided session as a real process: pipes, kill -9 and recovery, Ctrl-C, file modes. */
class SessionProcessIT {

    @TempDir
    Path home;

    static void screenAndPrepare(Conversation c) throws InterruptedException {
        c.answer("Informed consent confirmed?", "y").answer("scope of practice", "y");
        c.answer("Screening 1-15", "");
        c.answer("Pain now, 0-10", "5");
        for (int i = 0; i < 4; i++) {
            c.answer("Site prep ", "");
        }
    }

    static void identify(Conversation c, int n, String muscle) throws InterruptedException {
        c.answer("Point " + n + ": muscle", muscle).answer("Point " + n + ": side", "l")
                .answer("Point " + n + ": location", "").answer("reproduces the patient's pain", "y")
                .answer("pain referred elsewhere", "n");
    }

    List<Path> records() throws Exception {
        return records("sessions");
    }

    List<Path> records(String folder) throws Exception {
        Path dir = home.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }

    JsonNode onlyRecord() throws Exception {
        return onlyRecord("sessions");
    }

    JsonNode onlyRecord(String folder) throws Exception {
        List<Path> files = records(folder);
        assertThat(files).hasSize(1);
        Result valid = TdnProcess.run("validate", files.get(0).toString());
        assertThat(valid.exitCode()).as(valid.out()).isZero();
        return JsonMapper.shared().readTree(files.get(0).toFile());
    }

    @Test
    void killedDuringTheDwellIsRecoveredWithEveryAcknowledgedEvent() throws Exception {
        try (Conversation c = Conversation.start(home, "session", "-p", "MRN-7", "-c", "pt-1", "--time-scale", "1")) {
            screenAndPrepare(c);
            identify(c, 1, "upper trapezius");
            c.answer("Insert the needle", "dynamic");
            c.expect("Dwell timer started");
            c.answer("Dwell:", "w");
            c.expect("the window is now 2:00-3:00");
            c.answer("Dwell:", "g grimacing");
            c.expect("dwell 0:");
            c.kill();
        }
        assertThat(records()).isEmpty();
        assertThat(Files.list(home.resolve("journal")).count()).isEqualTo(1);

        Result recovered = TdnProcess.runIn(home, "recover");

        assertThat(recovered.exitCode()).as(recovered.out() + recovered.err()).isZero();
        assertThat(recovered.out()).contains("Recovered").contains("recovered");
        JsonNode r = onlyRecord();
        assertThat(r.get("status").asString()).isEqualTo("recovered");
        JsonNode point = r.at("/points/0");
        assertThat(point.get("twitch").asString()).isEqualTo("weak");
        assertThat(point.at("/discomfort/0/note").asString()).isEqualTo("grimacing");
        assertThat(r.get("events").valueStream().map(e -> e.get("type").asString()))
                .contains("needle.inserted", "twitch.marked", "dwell.extended", "discomfort.seen");
        assertThat(Files.list(home.resolve("journal")).count()).isZero();
    }

    @Test
    void inputEndingEarlyAbortsAndStillWritesTheRecord() throws Exception {
        try (Conversation c = Conversation.start(home, "session", "-p", "MRN-7", "-c", "pt-1")) {
            screenAndPrepare(c);
            c.expect("Point 1: muscle");
            c.closeInput();
            assertThat(c.exit()).isZero();
            assertThat(c.rest()).contains("Input ended").contains("Record: ");
        }
        JsonNode r = onlyRecord();
        assertThat(r.get("status").asString()).isEqualTo("aborted");
        assertThat(r.get("training").asBoolean()).isFalse();
    }

    @Test
    void aSessionEndingWithANeedleInSaysSoInTheSummary() throws Exception {
        try (Conversation c = Conversation.start(home, "session", "-p", "MRN-7", "-c", "pt-1")) {
            screenAndPrepare(c);
            identify(c, 1, "upper trapezius");
            c.answer("Insert the needle", "");
            c.expect("Dwell timer started");
            c.closeInput();
            assertThat(c.exit()).isZero();
            assertThat(c.rest()).contains("NEEDLES NOT RECORDED AS REMOVED: 1 (points 1)");
        }
        JsonNode r = onlyRecord();
        assertThat(r.get("status").asString()).isEqualTo("aborted");
        assertThat(r.at("/points/0/needlesInserted").asInt()).isEqualTo(1);
        assertThat(r.at("/points/0/needlesRemoved").asInt()).isZero();
    }

    @Test
    void answersNotAcceptedAreAskedAgainNamingTheChoices() throws Exception {
        try (Conversation c = Conversation.start(home, "session", "-p", "MRN-7", "-c", "pt-1")) {
            c.answer("Informed consent confirmed?", "maybe");
            c.expect("Not understood. Please answer y or n.");
            c.answer("Informed consent confirmed?", "y").answer("scope of practice", "y");
            c.answer("Screening 1-15", "16");
            c.expect("Please answer the numbers of the items that apply");
            c.answer("Screening 1-15", "");
            c.answer("Pain now, 0-10", "11");
            c.expect("Please answer a number from 0 to 10, or Enter");
            c.answer("Pain now, 0-10", "");
            for (int i = 0; i < 4; i++) {
                c.answer("Site prep ", "");
            }
            c.answer("Point 1: muscle", "");
            c.expect("Name the muscle");
            c.answer("Point 1: muscle", "infraspinatus").answer("Point 1: side", "up");
            c.expect("Please answer l (left), r (right) or - (midline)");
            c.answer("Point 1: side", "r").answer("location", "").answer("reproduces", "y").answer("referred", "y");
            c.answer("Insert the needle", "sideways 500mm");
            c.expect("Not understood");
            c.answer("Insert the needle", "");
            c.answer("Dwell:", "x");
            c.expect("Not understood. Answer one of");
            c.answer("Dwell:", "");
            c.answer("Twitch response seen?", "");
            c.expect("Please answer s (strong), w (weak) or n (none)");
            c.answer("Twitch response seen?", "n");
            c.answer("Reason:", "");
            c.expect("Please answer 1, 2, 3 or a short reason");
            c.answer("Reason:", "1");
            c.answer("Cleanse", "abort");
            c.answer("Abort the session?", "y").answer("Reason for stopping", "patient request");
            assertThat(c.exit()).isZero();
            assertThat(c.rest()).doesNotContain("\u001b").doesNotContain("Exception").doesNotContain("JLine");
        }
        JsonNode r = onlyRecord();
        assertThat(r.get("status").asString()).isEqualTo("aborted");
        assertThat(r.at("/deviations/0/reason").asString()).isEqualTo("patient request");
        assertThat(r.at("/deviations/0/rule").asString()).isEqualTo("below-minimum");
    }

    /** Ctrl-C twice while answers keep arriving: the signal's thread and the conversation's race. */
    @org.junit.jupiter.params.ParameterizedTest(name = "trial {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5})
    void ctrlCTwiceWhileInputKeepsArrivingAlwaysExits130WithARecord(int trial) throws Exception {
        Path trialHome = home.resolve("trial-" + trial);
        Files.createDirectories(trialHome);
        int exit;
        try (Conversation c = Conversation.start(trialHome, "session", "-p", "MRN-7", "-c", "pt-1")) {
            c.answer("Informed consent confirmed?", "y");
            Thread typist = new Thread(() -> {
                // a script, or a bounced key, that keeps sending lines
                for (int i = 0; i < 2000 && !Thread.currentThread().isInterrupted(); i++) {
                    c.send(i % 3 == 0 ? "y" : "?");
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            typist.setDaemon(true);
            typist.start();
            Thread.sleep(100L * trial);
            c.signal("INT");
            Thread.sleep(50L * trial);
            c.signal("INT");
            exit = c.exit();
            typist.interrupt();
            assertThat(c.rest()).contains("Session aborted by Ctrl-C").doesNotContain("Exception");
        }
        assertThat(exit).isEqualTo(ExitCode.INTERRUPTED);
        try (var s = Files.list(trialHome.resolve("sessions"))) {
            Path record = s.findFirst().orElseThrow();
            assertThat(TdnProcess.run("validate", record.toString()).exitCode()).isZero();
            assertThat(JsonMapper.shared().readTree(record.toFile()).get("status").asString()).isEqualTo("aborted");
        }
    }

    @Test
    void ctrlCTwiceAbortsWithTheRecordWrittenAndExit130() throws Exception {
        int exit;
        try (Conversation c = Conversation.start(home, "session", "-p", "MRN-7", "-c", "pt-1")) {
            screenAndPrepare(c);
            identify(c, 1, "gluteus medius");
            c.answer("Insert the needle", "");
            c.expect("Dwell timer started");
            c.signal("INT");
            c.expect("Press Ctrl-C again within 3 seconds");
            c.signal("INT");
            exit = c.exit();
            assertThat(c.rest()).contains("Session aborted by Ctrl-C");
        }
        assertThat(exit).isEqualTo(ExitCode.INTERRUPTED);
        JsonNode r = onlyRecord();
        assertThat(r.get("status").asString()).isEqualTo("aborted");
        assertThat(r.get("notes").asString()).contains("Ctrl-C");
        assertThat(Files.list(home.resolve("journal")).count()).isZero();
    }

    @Test
    void recordsArePrivateFromCreation() throws Exception {
        try (Conversation c = Conversation.start(home, "session", "-p", "MRN-7", "-c", "pt-1")) {
            c.answer("Informed consent confirmed?", "y").answer("scope of practice", "y")
                    .answer("Screening 1-15", "1");
            assertThat(c.exit()).isZero();
            assertThat(c.rest()).contains("no dry needling today");
        }
        JsonNode r = onlyRecord();
        assertThat(r.get("status").asString()).isEqualTo("not-done");
        Path file = records().get(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("journal"))))
                .isEqualTo("rwx------");
        assertThat(file.getFileName().toString()).matches("\\d{4}-\\d{2}-\\d{2}_" + r.get("id").asString() + "\\.json");
    }

    @Test
    void theScriptedExampleWritesAValidTrainingRecordWithAnExtendedSecondDwell() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "examples/scripted-session.sh")
                .directory(Path.of(System.getProperty("tdn.repo", ".")).toFile()).redirectErrorStream(true);
        pb.environment().put("TDN_HOME", home.toString());
        pb.environment().put("TDN_JAR", System.getProperty("tdn.jar", "target/tdn.jar"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(out).isZero();
        // a training record, kept apart from the clinical ones
        assertThat(records()).isEmpty();
        JsonNode r = onlyRecord("training");
        assertThat(r.get("status").asString()).isEqualTo("completed");
        assertThat(r.get("training").asBoolean()).isTrue();
        assertThat(r.at("/points/1/twitch").asString()).isEqualTo("weak");
        assertThat(r.at("/points/1/dwell/extended").asBoolean()).isTrue();
        assertThat(r.at("/points/1/dwell/minSeconds").asDouble()).isEqualTo(120.0);
        assertThat(r.get("deviations").size()).isZero();
        assertThat(out.strip()).endsWith(records("training").get(0).toString());
    }
}
