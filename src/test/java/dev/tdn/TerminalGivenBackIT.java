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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tdn.TdnProcess.Result;
import tools.jackson.databind.json.JsonMapper;

/**
 * However a live screen ends, the terminal is given back: off the alternate screen, the cursor
 * shown, its modes as they were (typed text echoes again), and what tdn printed at the end on the
 * normal screen, where it stays. In a real 80x24 terminal (tmux), for {@code tdn session} and
 * {@code tdn timer}, after each way out.
 *
 * <p>Only the session's first question and its abort questions are relied on: the screens in
 * between are not this test's subject.
 */
class TerminalGivenBackIT {

    private static final String SESSION = "session -c pt-1 -p MRN-5 --no-import";
    private static final String TIMER = "timer 30-60 --time-scale 10";
    /**
     * Keys that come too soon after a screen appears are taken for a bounce and ignored (about
     * 0.3 s); a person reads the screen first, and so does this test.
     */
    private static final long READING_MILLIS = 400;

    @TempDir
    Path home;

    @BeforeAll
    static void needsTmux() {
        // .ci/run installs tmux; a developer machine without it skips these
        assumeTrue(TmuxPane.available(), "tmux is not installed");
    }

    TmuxPane start(String args) throws Exception {
        return TmuxPane.start(TmuxPane.tdn(home, "", args));
    }

    /** Waits for {@code text}, reads it, then presses {@code keys}. */
    static void answer(TmuxPane pane, String text, String... keys) throws Exception {
        pane.await(text);
        Thread.sleep(READING_MILLIS);
        pane.keys(keys);
    }

    /**
     * Waits for tdn to exit with {@code exitCode}, checks that the terminal is given back, and
     * returns the screen after typed text has echoed: what tdn printed must still be on it.
     */
    static String givenBack(TmuxPane pane, int exitCode) throws Exception {
        String end = pane.await("TDN-EXIT=");
        assertThat(end).contains("TDN-EXIT=" + exitCode + "\n").contains("TTY-RESTORED");
        assertThat(pane.modes()).as("alternate screen, cursor").isEqualTo(new TmuxPane.Modes(false, true));
        pane.keys("echo restored", "Enter");
        return pane.await("echo restored");
    }

    List<Path> files(String folder) throws Exception {
        Path dir = home.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    String onlyRecordStatus() throws Exception {
        List<Path> records = files("sessions");
        assertThat(records).hasSize(1);
        Result valid = TdnProcess.run("validate", records.get(0).toString());
        assertThat(valid.exitCode()).as(valid.out()).isZero();
        return JsonMapper.shared().readTree(records.get(0).toFile()).get("status").asString();
    }

    // --- tdn session

    @Test
    void aSessionThatEndsAsNotDone() throws Exception {
        try (TmuxPane pane = start(SESSION)) {
            answer(pane, "Informed consent confirmed?", "n");
            assertThat(givenBack(pane, 0)).contains("Session not-done").contains("Record: ");
        }
        assertThat(onlyRecordStatus()).isEqualTo("not-done");
    }

    @Test
    void aSessionAbortedWithQ() throws Exception {
        try (TmuxPane pane = start(SESSION)) {
            answer(pane, "Informed consent confirmed?", "q");
            answer(pane, "Abort the session?", "y");
            answer(pane, "Why is the session ending?", "Enter");
            assertThat(givenBack(pane, 0)).contains("Session aborted").contains("Record: ");
        }
        assertThat(onlyRecordStatus()).isEqualTo("aborted");
    }

    /** Ctrl-C on the live screen is a key that asks first; so is a SIGINT sent from outside. */
    @Test
    void aSessionAbortedWithCtrlCAfterASigintWasDeclined() throws Exception {
        try (TmuxPane pane = start(SESSION)) {
            pane.await("Informed consent confirmed?");
            TmuxPane.signal(pane.javaPid(), "INT");
            answer(pane, "Abort the session?", "n");
            pane.await("the first question again",
                    s -> s.contains("Informed consent confirmed?") && !s.contains("Abort the session?"));
            Thread.sleep(READING_MILLIS);
            pane.keys("C-c");
            answer(pane, "Abort the session?", "y");
            answer(pane, "Why is the session ending?", "Enter");
            assertThat(givenBack(pane, ExitCode.INTERRUPTED)).contains("Session aborted").contains("Record: ");
        }
        assertThat(onlyRecordStatus()).isEqualTo("aborted");
    }

    /**
     * SIGTERM (a service manager, a shutdown) and SIGHUP: the JVM's shutdown path gives the
     * terminal back and says how to finish; the journal keeps the session, and recover writes it.
     */
    @ParameterizedTest
    @CsvSource({"TERM, 143", "HUP, 129"})
    void aSessionStoppedByASignalIsLeftToItsJournal(String signal, int exitCode) throws Exception {
        try (TmuxPane pane = start(SESSION)) {
            pane.await("Informed consent confirmed?");
            TmuxPane.signal(pane.javaPid(), signal);
            assertThat(givenBack(pane, exitCode)).contains("the journal keeps every answer given")
                    .contains("tdn recover").doesNotContain("MRN-5");
        }
        assertThat(files("sessions")).isEmpty();
        assertThat(files("journal")).hasSize(1);
        Result recovered = TdnProcess.runIn(home, "recover");
        assertThat(recovered.exitCode()).as(recovered.err()).isZero();
        assertThat(onlyRecordStatus()).isEqualTo("recovered");
    }

    /** The terminal closes under the session: nothing is left to give back to, but the journal stays. */
    @Test
    void aSessionWhoseTerminalClosesIsLeftToItsJournal() throws Exception {
        long java;
        try (TmuxPane pane = start(SESSION)) {
            pane.await("Informed consent confirmed?");
            java = pane.javaPid();
            pane.hangUp();
        }
        TmuxPane.awaitEnded(java);
        assertThat(files("sessions")).isEmpty();
        assertThat(files("journal")).hasSize(1);
    }

    /**
     * An exception inside the session: the journal cannot take the next answer (the file-size
     * limit is lowered to the journal's size, as a full disk or a quota would). The session stops
     * with exit 74 and says so on the normal screen.
     */
    @Test
    void aSessionWhoseJournalCannotBeWritten() throws Exception {
        assumeTrue(new ProcessBuilder("prlimit", "--version").start().waitFor() == 0, "prlimit is not installed");
        try (TmuxPane pane = start(SESSION)) {
            pane.await("Informed consent confirmed?");
            long size = Files.size(files("journal").get(0));
            Process limit = new ProcessBuilder("prlimit", "--pid", Long.toString(pane.javaPid()),
                    "--fsize=" + size + ":" + size).inheritIO().start();
            assertThat(limit.waitFor()).isZero();
            answer(pane, "Informed consent confirmed?", "y");
            assertThat(givenBack(pane, ExitCode.IO_ERR)).contains("the journal could not be written")
                    .contains("tdn recover");
        }
        assertThat(files("journal")).hasSize(1);
    }

    // --- tdn timer

    @ParameterizedTest
    @CsvSource({"Enter", "q", "C-c"})
    void aTimerStoppedByAKey(String key) throws Exception {
        try (TmuxPane pane = start(TIMER)) {
            pane.await("BELOW MINIMUM");
            pane.keys(key);
            assertThat(givenBack(pane, 0)).contains("Stopped at ");
        }
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143", "HUP, 129"})
    void aTimerStoppedByASignal(String signal, int exitCode) throws Exception {
        try (TmuxPane pane = start(TIMER)) {
            pane.await("BELOW MINIMUM");
            TmuxPane.signal(pane.javaPid(), signal);
            // a timer keeps nothing, so there is nothing to recover and nothing to say
            assertThat(givenBack(pane, exitCode)).doesNotContain("tdn recover");
        }
    }
}
