package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

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
}
