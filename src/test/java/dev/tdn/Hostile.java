package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tdn.protocol.PrepItem;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ScreeningItem;
import dev.tdn.record.Step;

/**
 * Text that would take over a terminal if it reached one as it is, and the check that it did
 * not: the tests of every output that shows a record's, a protocol's or config's text.
 */
public final class Hostile {

    /** Clear the screen, retitle the window (OSC ended by BEL), an 8-bit CSI, and a right-to-left override. */
    public static final String ESCAPES = "\u001b[2J\u001b]0;owned\u0007\u009b2J\u202eevil\u2066";

    /** What a schema that refuses C0 and C1 controls still lets through: bidi overrides and isolates. */
    public static final String BIDI = "\u202eevil\u2066x\u2069\u202a";

    private Hostile() {
    }

    /** {@code base} with {@code hostile} after every text a clinic may write: title, questions, labels, steps, aftercare. */
    public static Protocol protocol(Protocol base, String hostile) {
        Map<Step, String> steps = new LinkedHashMap<>();
        for (Step s : Step.values()) {
            steps.put(s, base.instruction(s) + hostile);
        }
        return new Protocol(base.name(), base.version(), base.title() + hostile, base.needle(), base.windows(),
                base.screening().stream().map(i -> new ScreeningItem(i.id(), i.kind(), i.question() + hostile)).toList(),
                base.sitePrep().stream().map(i -> new PrepItem(i.id(), i.label() + hostile)).toList(), steps,
                List.of(base.aftercare().get(0) + hostile), base.sha256());
    }

    /** Whether a terminal would act on {@code c} rather than show it; a line feed is the one control let through. */
    public static boolean unsafe(int c) {
        return (c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || (c >= 0xd800 && c <= 0xdfff);
    }

    /** Fails naming the first unsafe character in {@code shown} and the line it is on. */
    public static void assertPrintable(String what, String shown) {
        int[] cps = shown.codePoints().toArray();
        for (int i = 0, at = 0; i < cps.length; at += Character.charCount(cps[i]), i++) {
            if (unsafe(cps[i])) {
                int start = shown.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
                int end = shown.indexOf('\n', at);
                String line = shown.substring(start, end < 0 ? shown.length() : end);
                // the report itself must not take over the terminal that shows the test run
                throw new AssertionError(visible(what) + ": U+" + String.format("%04X", cps[i])
                        + " reaches the terminal in: " + visible(line));
            }
        }
        assertThat(shown).as(visible(what)).doesNotContain("\u001b");
    }

    /** {@code text} with each unsafe character written as {@code <U+XXXX>}. */
    public static String visible(String text) {
        return text.codePoints().mapToObj(c -> unsafe(c) ? String.format("<U+%04X>", c) : Character.toString(c))
                .reduce("", String::concat);
    }
}
