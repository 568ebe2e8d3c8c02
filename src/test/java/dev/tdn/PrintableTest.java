package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What may reach a terminal from a record, a protocol or config: each kind of unsafe character, one by one. */
class PrintableTest {

    private static final String R = "\uFFFD";

    @Test
    void everyC0ControlAndDelIsReplacedInALine() {
        for (char c = 0; c < 0x20; c++) {
            assertThat(Printable.line("a" + c + "b")).as("U+%04X", (int) c).isEqualTo("a" + R + "b");
        }
        assertThat(Printable.line("a\u007fb")).isEqualTo("a" + R + "b");
    }

    @Test
    void terminalSequencesLoseTheirIntroducerAndTerminator() {
        assertThat(Printable.line("\u001b[2J")).isEqualTo(R + "[2J");
        assertThat(Printable.line("\u001b]0;title\u0007")).isEqualTo(R + "]0;title" + R);
        assertThat(Printable.line("\u009b2J")).isEqualTo(R + "2J");
    }

    @Test
    void everyC1ControlIsReplaced() {
        for (char c = 0x80; c <= 0x9f; c++) {
            assertThat(Printable.line("a" + c + "b")).as("U+%04X", (int) c).isEqualTo("a" + R + "b");
            assertThat(Printable.lines("a" + c + "b")).as("U+%04X", (int) c).isEqualTo("a" + R + "b");
        }
        assertThat(Printable.line("\u00a0")).isEqualTo("\u00a0");
    }

    @Test
    void bidiEmbeddingsOverridesAndIsolatesAreReplaced() {
        for (char c : "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069".toCharArray()) {
            assertThat(Printable.line("a" + c + "b")).as("U+%04X", (int) c).isEqualTo("a" + R + "b");
            assertThat(Printable.lines("a" + c + "b")).as("U+%04X", (int) c).isEqualTo("a" + R + "b");
        }
        // marks that only hint a direction, and the characters beside the ranges, are text
        assertThat(Printable.line("\u200e\u200f\u2029\u2065\u206a")).isEqualTo("\u200e\u200f\u2029\u2065\u206a");
    }

    @Test
    void loneSurrogatesAreReplacedAndPairsKept() {
        assertThat(Printable.line("a\ud83db")).isEqualTo("a" + R + "b");
        assertThat(Printable.line("a\ude00b")).isEqualTo("a" + R + "b");
        assertThat(Printable.line("a\ud83d")).isEqualTo("a" + R);
        assertThat(Printable.line("\ude00\ud83d")).isEqualTo(R + R);
        assertThat(Printable.line("needle \ud83d\ude00")).isEqualTo("needle \ud83d\ude00");
    }

    @Test
    void aLineHasNoLineBreakLeftButLinesKeepsThemAsLf() {
        assertThat(Printable.line("one\ntwo\r\nthree")).isEqualTo("one" + R + "two" + R + R + "three");
        assertThat(Printable.lines("one\ntwo\r\nthree")).isEqualTo("one\ntwo\nthree");
        assertThat(Printable.lines("over\rwritten")).isEqualTo("over" + R + "written");
        assertThat(Printable.lines("end\r")).isEqualTo("end" + R);
        assertThat(Printable.lines("tab\there")).isEqualTo("tab" + R + "here");
        assertThat(Printable.lines("\u001b[2J\n\u001b]0;x\u0007")).isEqualTo(R + "[2J\n" + R + "]0;x" + R);
    }

    @Test
    void ordinaryTextIsUntouched() {
        String text = "Trapèze, 斜方筋, Ελληνικά, עברית, العربية, ǅ ß — “quoted” €5 ½";
        assertThat(Printable.line(text)).isSameAs(text);
        assertThat(Printable.lines(text)).isSameAs(text);
        assertThat(Printable.line("")).isEmpty();
    }

    @Test
    void nullStaysNull() {
        assertThat(Printable.line(null)).isNull();
        assertThat(Printable.lines(null)).isNull();
    }

    @Test
    void aWriterToATerminalReplacesAcrossWritesAndKeepsLineBreaksAndPairs() throws Exception {
        java.io.StringWriter screen = new java.io.StringWriter();
        try (java.io.Writer w = Printable.onTerminal(screen)) {
            w.write("a,\u009b2J\n\"b\u001b[0m\"\n");
            // a pair split between two writes is still one character
            w.write("x\uD83D");
            w.write("\uDE00y\u202e\n");
            w.write('\u0007');
        }
        assertThat(screen).hasToString("a," + R + "2J\n\"b" + R + "[0m\"\nx\uD83D\uDE00y" + R + "\n" + R);
    }
}
