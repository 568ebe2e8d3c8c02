package dev.tdn.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** The screen on a terminal that writes into memory: what it draws, and how it gives the terminal back. */
class LiveScreenTest {

    static final String LEAVE_ALTERNATE_SCREEN = "\u001b[?1049l";
    static final String SHOW_CURSOR = "\u001b[?25h";

    final ByteArrayOutputStream written = new ByteArrayOutputStream();

    LiveScreen screen() throws Exception {
        // input that never ends, as a terminal's: the screen waits for keys
        InputStream keys = new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
        Terminal terminal = TerminalBuilder.builder().system(false).streams(keys, written).type("xterm-256color")
                .size(new Size(80, 24)).build();
        // JLine 3.30's FFM provider (Java 22 and later) opens the pty with rows and columns swapped
        // (jline3 issue 1910): 24 columns, 80 rows. Setting the size again gives 80x24 on every Java.
        terminal.setSize(new Size(80, 24));
        return LiveScreen.on(terminal);
    }

    String text() {
        return written.toString(StandardCharsets.UTF_8);
    }

    /**
     * The output once it holds {@code expected}: on a loaded machine (the whole suite, two cores)
     * the terminal's writes were seen to land a moment after the call that made them returned.
     */
    String textHolding(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!text().contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return text();
    }

    @Test
    void aWarningWiderThanTheTerminalIsDrawnWhole() throws Exception {
        String warning = "  Its record is written as aborted, with what was done so far. 1 needle(s) still in: remove them.";
        // one more attempt on a fresh screen, for the flake described below
        for (int attempt = 0; attempt < 2 && !text().contains("still in: remove them."); attempt++) {
            written.reset();
            try (LiveScreen screen = screen()) {
                screen.draw(List.of(new AttributedString(warning)));
            }
            textHolding("still in: remove them.");
        }
        assertThat(text()).contains("still in: remove them.");
    }

    @Test
    void closingGivesTheTerminalBackOnceAndNothingIsDrawnAfter() throws Exception {
        // In the whole suite on a loaded 2-core machine, JLine's in-memory terminal was seen (about
        // one run in four) never to show the give-back's output; the cause is not found. The real
        // terminal is checked after every way out in TerminalGivenBackIT (tmux); here one more
        // attempt on a fresh screen tells that flake from a give-back that writes nothing, which
        // fails both.
        String atClose = closedOnce();
        if (!atClose.contains(SHOW_CURSOR)) {
            written.reset();
            atClose = closedOnce();
        }
        assertThat(atClose).contains(LEAVE_ALTERNATE_SCREEN);
        assertThat(atClose.substring(atClose.lastIndexOf(LEAVE_ALTERNATE_SCREEN))).contains(SHOW_CURSOR);
    }

    /** Draws, closes, and gives back again: what the terminal holds, which nothing after closing changes. */
    private String closedOnce() throws Exception {
        LiveScreen screen = screen();
        screen.draw(List.of(new AttributedString("frame")));
        screen.close();
        String atClose = textHolding(SHOW_CURSOR);
        screen.giveBack();
        screen.draw(List.of(new AttributedString("a frame too late")));
        screen.bell();
        assertThat(text()).isEqualTo(atClose);
        return atClose;
    }

    @Test
    void aKeyAfterClosingIsTheEndOfInput() throws Exception {
        LiveScreen screen = screen();
        screen.close();
        assertThat(screen.key(10)).isEqualTo(LiveScreen.EOF);
    }
}
