package dev.tdn.console;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.WCWidth;

/**
 * A frame fitted to the terminal. A line wider than the screen is wrapped at a space, never cut:
 * a warning must reach the clinician whole ("2 needle(s) still in" cut at column 80 is a
 * different message). Continuation lines keep the first line's indent, and a break between key
 * groups (three spaces) is preferred to one inside a group. Figures (big digits, bars) are drawn
 * to the width by their renderers and so never reach the wrapping.
 */
final class FrameFit {

    /** The last lines of a frame are its keys and its message; they stay when a frame is too tall. */
    static final int KEPT_AT_BOTTOM = 3;

    private FrameFit() {
    }

    /**
     * {@code lines} wrapped to {@code columns} and made exactly {@code rows} tall. When wrapping
     * makes the frame too tall, blank lines give way first (the lowest first: padding above the
     * keys), then the lines just above the last {@link #KEPT_AT_BOTTOM}.
     */
    static List<AttributedString> fit(List<AttributedString> lines, int columns, int rows) {
        List<AttributedString> out = new ArrayList<>();
        lines.forEach(l -> out.addAll(wrap(l, columns)));
        for (int i = out.size() - 1; i >= 0 && out.size() > rows; i--) {
            if (out.get(i).toString().isBlank()) {
                out.remove(i);
            }
        }
        while (out.size() > rows) {
            out.remove(Math.max(0, out.size() - KEPT_AT_BOTTOM - 1));
        }
        while (out.size() < rows) {
            out.add(AttributedString.EMPTY);
        }
        return out;
    }

    /** One line as lines of at most {@code columns}; a word longer than that is split, as nothing else can show it. */
    static List<AttributedString> wrap(AttributedString line, int columns) {
        if (columns < 1 || line.columnLength() <= columns) {
            return List.of(line);
        }
        String text = line.toString();
        int lead = 0;
        while (lead < text.length() && text.charAt(lead) == ' ') {
            lead++;
        }
        // an indent that leaves no room for words is dropped
        int indent = lead > columns / 2 ? 0 : lead;
        List<AttributedString> out = new ArrayList<>();
        int start = 0;
        int room = columns;
        while (true) {
            int end = fitting(text, start, room);
            if (end == text.length()) {
                out.add(start == 0 ? line : indented(indent, line.subSequence(start, end)));
                return out;
            }
            int cut = breakAt(text, start == 0 ? lead : start, end);
            int stop = cut;
            while (stop > start && text.charAt(stop - 1) == ' ') {
                stop--;
            }
            AttributedString piece = line.subSequence(start, stop);
            out.add(start == 0 ? piece : indented(indent, piece));
            start = cut;
            while (start < text.length() && text.charAt(start) == ' ') {
                start++;
            }
            if (start == text.length()) {
                return out;
            }
            room = columns - indent;
        }
    }

    private static AttributedString indented(int indent, AttributedString piece) {
        return new AttributedStringBuilder().append(" ".repeat(indent)).append(piece).toAttributedString();
    }

    /** The end (a char index) of the longest run from {@code start} that fits in {@code room} columns. */
    private static int fitting(String text, int start, int room) {
        int used = 0;
        int i = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int w = Math.max(0, WCWidth.wcwidth(cp));
            if (used + w > room) {
                break;
            }
            used += w;
            i += Character.charCount(cp);
        }
        // at least one character, or a character wider than the room would stop the wrapping
        return i == start ? start + Character.charCount(text.codePointAt(start)) : i;
    }

    /**
     * Where to break a run whose words start at {@code words} and which fits up to {@code end}: at
     * the last gap of three spaces (between key groups) if that keeps more than half the line,
     * else at the last space, else at {@code end}.
     */
    private static int breakAt(String text, int words, int end) {
        if (end < text.length() && text.charAt(end) == ' ') {
            return end;
        }
        int group = text.lastIndexOf("   ", end - 1);
        int space = text.lastIndexOf(' ', end - 1);
        if (group > words && group - words > (end - words) / 2) {
            return group;
        }
        return space > words ? space : end;
    }
}
