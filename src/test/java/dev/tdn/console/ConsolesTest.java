package dev.tdn.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Live screen or plain lines: one decision, the same on Java 17 and on Java 22 and later. */
class ConsolesTest {

    static final Map<String, String> XTERM = Map.of("TERM", "xterm-256color");

    @Test
    void noConsoleIsNoTerminalOnEveryJava() {
        assertThat(Consoles.interactive(null, null)).isFalse();
        assertThat(Consoles.<Object>interactive(null, c -> true)).isFalse();
    }

    @Test
    void beforeJava22AConsoleIsThereOnlyForATerminal() {
        assertThat(Consoles.interactive(new Object(), null)).isTrue();
    }

    @Test
    void fromJava22TheConsoleIsAskedWhetherItIsATerminal() {
        // Java 22 to 24 give a console to a pipe too: only isTerminal() tells
        assertThat(Consoles.<Object>interactive(new Object(), c -> false)).isFalse();
        assertThat(Consoles.<Object>interactive(new Object(), c -> true)).isTrue();
    }

    @Test
    void theRuntimesIsTerminalIsUsedWhereItHasOne() {
        boolean has = Runtime.version().feature() >= 22;
        assertThat(Consoles.IsTerminal.find() != null).as("Java " + Runtime.version().feature()).isEqualTo(has);
    }

    @Test
    void testsRunWithPipesSoNothingHereIsATerminal() {
        // surefire's fork has pipes for stdin and stdout, on every Java this suite runs on
        assertThat(Consoles.interactive()).isFalse();
        assertThat(Consoles.live(false, XTERM)).isFalse();
    }

    @Test
    void liveNeedsATerminalThatCanDrawAndNoPlainAsked() {
        assertThat(Consoles.live(false, XTERM, true)).isTrue();
        assertThat(Consoles.live(true, XTERM, true)).isFalse();
        assertThat(Consoles.live(false, XTERM, false)).isFalse();
        assertThat(Consoles.live(false, Map.of("TERM", "dumb"), true)).isFalse();
        assertThat(Consoles.live(false, Map.of("TERM", " "), true)).isFalse();
        assertThat(Consoles.live(false, Map.of(), true)).isFalse();
    }
}
