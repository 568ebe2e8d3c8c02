package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.TdnProcess.Result;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crash campaign, in the suite: real sessions in plain lines, killed with -9 just after a
 * random answer was acknowledged (its next prompt shown), or while the last answer's record is
 * written and imported, then {@code tdn recover}. Every recovered record must validate and hold
 * every answer acknowledged before the kill, and nothing that was not answered. (The clock is
 * scaled, so these are training records, which stay out of the store; RecoverProcessIT kills a
 * real-clock session and finds it recovered into the store.) {@code -Dcrash.kills=N} (default 12) sets the number of kills;
 * src/bench/README.md has a run of 200.
 */
class CrashIT {

    @TempDir
    Path root;

    /** One answer: the prompt it waits for, the line, and what the record then shows for it. */
    record Step(String prompt, String answer, double sessionSeconds, Predicate<JsonNode> shows) {
    }

    static final double SCALE = 60;

    static Step step(String prompt, String answer, Predicate<JsonNode> shows) {
        return new Step(prompt, answer, 0, shows);
    }

    static final List<Step> SESSION = List.of(
            step("Informed consent confirmed?", "y", r -> r.at("/screening/consent").asBoolean(false)),
            step("scope of practice", "y", r -> r.at("/screening/scopeConfirmed").asBoolean(false)),
            step("Screening 1-15", "9", r -> r.at("/screening/answers").size() == 15),
            step("Precaution: Diabetes?", "y", r -> r.at("/screening/cleared").asBoolean(false)),
            step("Pain now, 0-10", "6", r -> r.at("/painBefore").asInt(-1) == 6),
            step("Site prep 1/4", "", r -> r.at("/sitePrep").size() >= 1),
            step("Site prep 2/4", "", r -> r.at("/sitePrep").size() >= 2),
            step("Site prep 3/4", "", r -> r.at("/sitePrep").size() >= 3),
            step("Site prep 4/4", "", r -> r.at("/sitePrep").size() == 4),
            step("Point 1: muscle", "upper trap", r -> r.get("events").toString().contains("point 1: upper trapezius")),
            step("Point 1: side", "l", r -> "left".equals(r.at("/points/0/side").asString(null))),
            step("Point 1: location", "C7 level", r -> "C7 level".equals(r.at("/points/0/location").asString(null))),
            step("reproduces the patient's pain", "y", r -> r.at("/points/0/palpation/reproducesPain").asBoolean(false)),
            step("pain referred elsewhere", "n", r -> r.at("/points/0/palpation/referredPain").isBoolean()
                    && !r.at("/points/0/palpation/referredPain").asBoolean()),
            step("Insert the needle", "dynamic", r -> "dynamic".equals(r.at("/points/0/technique").asString(null))),
            new Step("Dwell:", "s", 5, r -> "strong".equals(r.at("/points/0/twitch").asString(null))),
            new Step("Dwell:", "", 35, r -> r.at("/points/0/dwell/seconds").asDouble(0) >= 30),
            step("Cleanse the site", "", r -> !r.at("/points/0/siteCleansedAt").isNull()),
            step("Enter to start the compression timer", "", r -> r.get("events").toString().contains("compression.started")),
            new Step("Compressing", "", 35, r -> r.at("/points/0/compression/seconds").asDouble(0) >= 30),
            step("Bleeding at the site?", "y", r -> r.at("/points/0/bleeding").asBoolean(false)),
            step("Bandage applied?", "n", r -> r.at("/points/0/bandage").isBoolean()
                    && !r.at("/points/0/bandage").asBoolean()),
            step("Another trigger point?", "n", r -> true),
            step("Sanitize your hands", "", r -> !r.at("/handsSanitizedAt").isNull()),
            step("Pain now, 0-10", "3", r -> r.at("/painAfter").asInt(-1) == 3),
            step("Adverse events seen, comma", "dizziness, nausea", r -> r.at("/adverseEvents").size() == 2),
            step("Aftercare advice given", "y", r -> r.at("/aftercareGiven").asBoolean(false)),
            step("Notes (Enter for none)", "Crash test.", r -> "completed".equals(r.at("/status").asString(null))));

    /** Answers the first {@code acknowledged} steps, waits for the next prompt, and kills. */
    static void killAfter(Path home, int acknowledged, long extraMillis) throws Exception {
        // a scaled clock marks the record training, which the store keeps out unless told
        try (Conversation c = Conversation.start(home, "session", "-p", "MRN-77", "-c", "pt-1",
                "--time-scale", String.valueOf(SCALE))) {
            for (int i = 0; i < acknowledged; i++) {
                Step s = SESSION.get(i);
                c.expect(s.prompt());
                if (s.sessionSeconds() > 0) {
                    Thread.sleep((long) (s.sessionSeconds() / SCALE * 1000));
                }
                c.send(s.answer());
            }
            if (acknowledged < SESSION.size()) {
                // acknowledged: the next prompt is on the screen
                c.expect(SESSION.get(acknowledged).prompt());
            }
            Thread.sleep(extraMillis);
            c.kill();
        }
    }

    static List<Path> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void everyAcknowledgedAnswerSurvivesAKillAndRecovery() throws Exception {
        int kills = Integer.getInteger("crash.kills", 12);
        Random random = new Random(Long.getLong("crash.seed", 20261202L));
        for (int trial = 0; trial < kills; trial++) {
            int acknowledged = 1 + random.nextInt(SESSION.size());
            long extra = acknowledged == SESSION.size() ? random.nextInt(40) : random.nextInt(5);
            Path home = root.resolve("kill-" + trial);
            Files.createDirectories(home);
            killAfter(home, acknowledged, extra);

            Result recovered = TdnProcess.runIn(home, "recover");
            String what = "trial " + trial + ": killed after " + acknowledged + " answers (+" + extra + " ms)";
            assertThat(recovered.exitCode()).as(what + "\n" + recovered.err()).isZero();
            // scaled clock: training records, kept in the training folder
            List<Path> records = files(home.resolve("training"));
            assertThat(records).as(what).hasSize(1);
            assertThat(files(home.resolve("journal"))).as(what + ": no journal left behind").isEmpty();
            Result valid = TdnProcess.run("validate", records.get(0).toString());
            assertThat(valid.exitCode()).as(what + "\n" + valid.out() + valid.err()).isZero();
            JsonNode r = JsonMapper.shared().readTree(records.get(0).toFile());
            for (int i = 0; i < acknowledged; i++) {
                assertThat(SESSION.get(i).shows().test(r)).as(what + ": answer " + (i + 1) + " to \""
                        + SESSION.get(i).prompt() + "\" is in the record\n" + r.toPrettyString()).isTrue();
            }
            // nothing reported that was not answered (the answer to "another point?" leaves no trace of its own)
            if (acknowledged < SESSION.size() && !SESSION.get(acknowledged).prompt().startsWith("Another")) {
                assertThat(SESSION.get(acknowledged).shows().test(r)).as(what
                        + ": the next, unanswered question is not in the record\n" + r.toPrettyString()).isFalse();
            }
        }
    }
}
