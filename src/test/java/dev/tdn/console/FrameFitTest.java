package dev.tdn.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class FrameFitTest {

    static List<String> text(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).toList();
    }

    static AttributedString line(String s) {
        return new AttributedString(s);
    }

    @Test
    void aWarningWiderThanTheScreenIsWrappedAtASpaceWithEveryWordKept() {
        String warning = "  Its record is written as aborted, with what was done so far. 1 needle(s) still in: remove them.";
        List<String> lines = text(FrameFit.wrap(line(warning), 79));
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(79));
        assertThat(lines.get(1)).startsWith("  ").doesNotStartWith("   ");
        assertThat(String.join(" ", lines).replaceAll(" +", " ").strip()).isEqualTo(warning.strip());
        assertThat(lines.get(1)).contains("still in: remove them.");
    }

    @Test
    void keyGroupsStayTogether() {
        String keys = " Enter = needle out   s/w/n = twitch   g = discomfort   e = e-stim   p = pause   q = abort   ? = help";
        List<String> lines = text(FrameFit.wrap(line(keys), 79));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).endsWith("= pause");
        assertThat(lines.get(1)).isEqualTo(" q = abort   ? = help");
    }

    @Test
    void aWordLongerThanTheScreenIsSplitNotLost() {
        List<String> lines = text(FrameFit.wrap(line("x".repeat(25)), 10));
        assertThat(lines).containsExactly("x".repeat(10), "x".repeat(10), "x".repeat(5));
    }

    @Test
    void stylesCarryOverTheBreak() {
        AttributedString bold = new AttributedString("alpha beta gamma", AttributedStyle.BOLD);
        List<AttributedString> lines = FrameFit.wrap(bold, 11);
        assertThat(text(lines)).containsExactly("alpha beta", "gamma");
        assertThat(lines.get(1).styleAt(0)).isEqualTo(AttributedStyle.BOLD);
    }

    @Test
    void aLineThatFitsIsLeftAlone() {
        AttributedString fits = line("  fits");
        assertThat(FrameFit.wrap(fits, 79)).containsExactly(fits);
    }

    @Test
    void aFrameTooTallGivesUpBlankLinesFirstAndKeepsItsKeysAndMessage() {
        List<AttributedString> frame = new ArrayList<>();
        frame.add(line(" header"));
        frame.add(line("  " + "word ".repeat(30)));
        frame.add(AttributedString.EMPTY);
        frame.add(AttributedString.EMPTY);
        frame.add(line("----"));
        frame.add(line(" keys"));
        frame.add(line(" Not accepted: the needle is still in."));
        List<String> fitted = text(FrameFit.fit(frame, 79, 6));
        assertThat(fitted).hasSize(6).doesNotContain("").endsWith("----", " keys", " Not accepted: the needle is still in.");

        List<String> tooSmall = text(FrameFit.fit(frame, 79, 4));
        assertThat(tooSmall).hasSize(4).startsWith(" header").endsWith("----", " keys", " Not accepted: the needle is still in.");
    }

    @Test
    void aShortFrameIsPaddedToTheHeight() {
        assertThat(FrameFit.fit(List.of(line("one")), 79, 3)).hasSize(3);
    }

    @Test
    void bigDigitsAreFittedNotWrapped() {
        assertThat(BigDigits.fitted("0:30.0", '#', 77)).isEqualTo(BigDigits.render("0:30.0", '#'));
        List<String> narrow = BigDigits.fitted("0:30.0", '#', 30);
        assertThat(narrow).hasSize(BigDigits.ROWS).allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(30));
        assertThat(BigDigits.fitted("0:30.0", '#', 12)).containsExactly("0:30.0");
    }
}
