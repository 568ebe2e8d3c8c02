package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tdn timer} in plain lines: it says when the minimum is reached and the maximum passed. */
class TimerProcessIT {

    @TempDir
    Path home;

    @Test
    void announcesTheMinimumAndStopsInTheWindow() throws Exception {
        try (Conversation c = Conversation.start(home, "timer", "30-60", "--time-scale", "100")) {
            c.expect("Timer started: window 0:30-1:00");
            c.expect("Minimum reached");
            c.send("");
            assertThat(c.expect("Stopped at")).contains("in the window");
            assertThat(c.exit()).isZero();
        }
    }

    @Test
    void announcesTheMaximumAndStopsPastIt() throws Exception {
        try (Conversation c = Conversation.start(home, "timer", "compression", "--time-scale", "200")) {
            c.expect("Timer started: window 0:30-1:00");
            c.expect("Minimum reached");
            c.expect("Maximum passed");
            c.send("");
            assertThat(c.expect("Stopped at")).contains("past the maximum");
            assertThat(c.exit()).isZero();
        }
    }

    /**
     * A pipe on both sides is plain lines even where TERM names a terminal that could draw: what
     * decides is whether stdin and stdout are terminals, which from Java 22 on System.console()
     * alone no longer tells (it may return a console for a pipe).
     */
    @Test
    void inAPipeItIsPlainLinesWhateverTermSays() throws Exception {
        TdnProcess.Result r = TdnProcess.runIn(home, Map.of("TERM", "xterm-256color"),
                "\n".getBytes(StandardCharsets.UTF_8), "timer", "1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Timer started: window 0:01-0:01").contains("\nStopped at ")
                .doesNotContain("\u001b");
        // nothing from a terminal library or the JVM on stderr either
        assertThat(r.err()).isEmpty();
    }
}
