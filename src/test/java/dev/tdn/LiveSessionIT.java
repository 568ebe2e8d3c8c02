package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.TdnProcess.Result;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The treatment-room screen in a real 80x24 terminal (tmux), driven with single keys. */
class LiveSessionIT {

    @TempDir
    Path home;

    @BeforeAll
    static void needsTmux() {
        // .ci/run installs tmux; a developer machine without it skips these
        assumeTrue(TmuxPane.available(), "tmux is not installed");
    }

    /** The one record in {@code folder}: sessions, or training for one on a scaled clock. */
    JsonNode onlyRecord(String folder) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(home.resolve(folder))) {
            files = s.toList();
        }
        assertThat(files).hasSize(1);
        Result valid = TdnProcess.run("validate", files.get(0).toString());
        assertThat(valid.exitCode()).as(valid.out()).isZero();
        return JsonMapper.shared().readTree(files.get(0).toFile());
    }

    static void screenAndPrepare(TmuxPane pane) throws Exception {
        pane.await("Informed consent confirmed?");
        pane.keys("y");
        pane.await("scope of practice");
        pane.keys("y");
        pane.await("Stop the session: 1-5");
        pane.keys("Enter");
        pane.await("Pain now, 0-10");
        pane.keys("5", "Enter");
        for (int i = 1; i <= 4; i++) {
            pane.await("Site prep " + i + "/4");
            pane.keys("Enter");
        }
    }

    /** The planned muscle and side taken with Enter, no location, pain reproduced and not referred. */
    static void identifyThePlannedPoint(TmuxPane pane, String muscle) throws Exception {
        pane.await("Point 1: muscle [" + muscle + "]");
        pane.keys("Enter");
        pane.await("Point 1: side");
        pane.keys("Enter");
        pane.await("Point 1: location (Enter for none)");
        pane.keys("Enter");
        pane.await("pressure reproduces");
        pane.keys("y");
        pane.await("referred elsewhere");
        pane.keys("n");
    }

    @Test
    void aWholeSessionWithSingleKeysAndAWeakTwitchThatExtendsTheWindow() throws Exception {
        try (TmuxPane pane = TmuxPane.start(TmuxPane.tdn(home, "",
                "session -c pt-1 -p MRN-5 -m 'levator scapulae:right' --time-scale 20"))) {
            screenAndPrepare(pane);
            identifyThePlannedPoint(pane, "levator scapulae");
            pane.await("Technique: static");
            pane.keys("d");
            pane.await("Technique: dynamic");
            pane.keys("Enter");

            String dwell = pane.await("the dwell clock", s -> s.contains("BELOW MINIMUM"));
            assertThat(dwell).contains("window 0:30-1:00").contains("0:30").contains("1:00")
                    .contains("point 1 of 1: levator scapulae, right").contains("Enter = needle out");
            assertThat(dwell.lines().count()).isLessThanOrEqualTo(24);
            assertThat(dwell.lines().mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(80);

            pane.keys("w");
            String extended = pane.await("window 2:00-3:00 (extended: weak twitch)");
            assertThat(extended).contains("2:00").contains("3:00").contains("the window is now 2:00-3:00");

            pane.await("the extended window reached", s -> s.contains("IN WINDOW"));
            pane.keys("Enter");
            pane.await("Cleanse the site");
            pane.keys("Enter");
            pane.await("Enter to start the compression timer");
            pane.keys("Enter");
            pane.await("compression in window", s -> s.contains("IN WINDOW") && s.contains("COMPRESSION"));
            pane.keys("Enter");
            pane.await("Bleeding at the site?");
            pane.keys("n");
            pane.await("Another trigger point?");
            pane.keys("n");
            pane.await("Sanitize your hands");
            pane.keys("Enter");
            pane.await("After the procedure");
            pane.keys("2", "Enter");
            pane.await("Adverse events seen");
            pane.keys("1", "Enter");
            pane.await("Aftercare advice given");
            pane.keys("y");
            pane.await("Notes (Enter for none)");
            pane.keys("Enter");

            String end = pane.await("TDN-EXIT=");
            assertThat(end).contains("TDN-EXIT=0").contains("Session completed (training)").contains("Record: ");
        }
        JsonNode r = onlyRecord("training");
        assertThat(r.get("training").asBoolean()).isTrue();
        assertThat(r.get("status").asString()).isEqualTo("completed");
        assertThat(r.at("/points/0/twitch").asString()).isEqualTo("weak");
        assertThat(r.at("/points/0/technique").asString()).isEqualTo("dynamic");
        assertThat(r.at("/points/0/dwell/extended").asBoolean()).isTrue();
        assertThat(r.at("/points/0/dwell/minSeconds").asDouble()).isEqualTo(120.0);
        assertThat(r.get("deviations").size()).isZero();
        assertThat(r.get("adverseEvents").get(0).asString()).isEqualTo("soreness");
    }

    @Test
    void aDoubleEnterOnTheInsertScreenLeavesTheNeedleInAndUTakesBackAMistakenNeedleOut() throws Exception {
        try (TmuxPane pane = TmuxPane.start(TmuxPane.tdn(home, "",
                "session -c pt-1 -p MRN-5 -m 'UT:left' --time-scale 10"))) {
            screenAndPrepare(pane);
            identifyThePlannedPoint(pane, "upper trapezius");
            pane.await("Technique: static");
            // a gloved double press: the second Enter is 50 ms behind the first
            pane.keys("Enter");
            Thread.sleep(50);
            pane.keysNow("Enter");
            Thread.sleep(1500);
            assertThat(pane.screen()).contains("Needles in: 1").doesNotContain("Needle out at");

            pane.keys("Enter");
            pane.await("Twitch response seen?");
            pane.keys("u");
            assertThat(pane.await("Undone: needle out")).contains("The dwell goes on").contains("Needles in: 1");
            pane.keys("s");
            pane.await("back in the window", s -> s.contains("IN WINDOW"));
            pane.keys("Enter");
            pane.await("Cleanse the site");
            pane.keys("q");
            pane.await("Abort the session?");
            pane.keys("y");
            pane.await("Why is the session ending?");
            pane.keys("Enter");
            assertThat(pane.await("TDN-EXIT=")).contains("TDN-EXIT=0");
        }
        JsonNode r = onlyRecord("training");
        JsonNode p = r.at("/points/0");
        assertThat(p.at("/dwell/seconds").asDouble()).isGreaterThanOrEqualTo(30.0);
        assertThat(p.at("/dwell/extended").asBoolean()).isFalse();
        assertThat(r.get("deviations").size()).isZero();
        List<String> types = new java.util.ArrayList<>();
        r.get("events").forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).containsSubsequence("needle.inserted", "needles.removed", "input.undone", "twitch.marked",
                "needles.removed");
        assertThat(types.stream().filter("needles.removed"::equals)).hasSize(2);
    }

    @Test
    void ctrlCAsksFirstThenAbortsWithExit130() throws Exception {
        try (TmuxPane pane = TmuxPane.start(TmuxPane.tdn(home, "", "session -c pt-1 -p MRN-5"))) {
            pane.await("Informed consent confirmed?");
            pane.keys("C-c");
            pane.await("Abort the session?");
            pane.keys("y");
            pane.await("Why is the session ending?");
            pane.keys("Enter");
            assertThat(pane.await("TDN-EXIT=")).contains("TDN-EXIT=130").contains("Session aborted");
        }
        assertThat(onlyRecord("sessions").get("status").asString()).isEqualTo("aborted");
    }

    @Test
    void qAsksFirstThenAbortsAndTheTerminalIsGivenBack() throws Exception {
        try (TmuxPane pane = TmuxPane.start(TmuxPane.tdn(home, "", "session -c pt-1 -p MRN-5"))) {
            pane.await("Informed consent confirmed?");
            pane.keys("C-c");
            pane.await("Abort the session?");
            pane.keys("n");
            pane.await("Informed consent confirmed?");
            pane.keys("q");
            pane.await("Abort the session?");
            pane.keys("y");
            pane.await("Why is the session ending?");
            pane.keys("1");
            String end = pane.await("TDN-EXIT=");
            assertThat(end).contains("TDN-EXIT=0").contains("Session aborted");
            // back on the normal screen, in cooked mode: typed text echoes again
            pane.keys("echo restored", "Enter");
            pane.await("restored");
        }
        assertThat(onlyRecord("sessions").get("status").asString()).isEqualTo("aborted");
    }

    @Test
    void survivesAResizeAndReadsWithoutColour() throws Exception {
        try (TmuxPane pane = TmuxPane.start(TmuxPane.tdn(home, "NO_COLOR=1", "timer 30-60 --time-scale 10"))) {
            pane.await("BELOW MINIMUM");
            pane.resize(100, 30);
            pane.await("IN WINDOW");
            pane.resize(80, 24);
            String screen = pane.await("PAST MAXIMUM");
            assertThat(screen).contains(String.valueOf('#')).contains("window 0:30-1:00");
            String styled = pane.screenWithStyles();
            assertThat(styled).doesNotContainPattern("\u001b\\[[0-9;]*3[0-7]m").doesNotContain("38;5;");
            pane.keys("Enter");
            assertThat(pane.await("TDN-EXIT=")).contains("Stopped at").contains("TDN-EXIT=0");
        }
    }

    @Test
    void theZonesAreColouredWhenColourIsAllowed() throws Exception {
        try (TmuxPane pane = TmuxPane.start(TmuxPane.tdn(home, "", "timer 30-60 --time-scale 10"))) {
            pane.await("BELOW MINIMUM");
            assertThat(pane.screenWithStyles()).containsPattern("\u001b\\[[0-9;]*3[0-7]m");
            pane.keys("q");
            pane.await("TDN-EXIT=0");
        }
    }
}
