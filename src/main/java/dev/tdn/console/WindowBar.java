package dev.tdn.console;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import dev.tdn.flow.Readout;
import dev.tdn.protocol.Window;
import dev.tdn.session.TimerView;

/**
 * The window drawn as a bar: time fills it from the left, with a different symbol (and, with
 * colour, a different colour) below the minimum, inside the window and past the maximum, so it
 * reads the same in black and white. '|' marks the minimum and the maximum.
 */
final class WindowBar {

    static final char BELOW = '-';
    static final char INSIDE = '=';
    static final char PAST = '#';
    static final char EMPTY = '.';
    static final char EDGE = '|';

    private WindowBar() {
    }

    static AttributedString render(TimerView timer, int width, boolean colour) {
        Window w = timer.window();
        // room past the maximum, so going over it shows
        double span = Math.max(w.maxSeconds() * 1.25, timer.seconds() * 1.05);
        int minAt = column(w.minSeconds(), span, width);
        int maxAt = column(w.maxSeconds(), span, width);
        int filled = column(timer.seconds(), span, width);
        AttributedStringBuilder sb = new AttributedStringBuilder();
        for (int i = 0; i < width; i++) {
            char c;
            AttributedStyle style = AttributedStyle.DEFAULT;
            if (i == minAt || i == maxAt) {
                c = EDGE;
                style = style.bold();
            } else if (i < filled) {
                if (i < minAt) {
                    c = BELOW;
                    style = colour ? style.foreground(AttributedStyle.YELLOW) : style;
                } else if (i < maxAt) {
                    c = INSIDE;
                    style = colour ? style.foreground(AttributedStyle.GREEN) : style;
                } else {
                    c = PAST;
                    style = colour ? style.foreground(AttributedStyle.RED).bold() : style.bold();
                }
            } else {
                c = EMPTY;
                style = colour ? style.faint() : style;
            }
            sb.style(style).append(c);
        }
        return sb.toAttributedString();
    }

    /** The labels under the bar: the minimum under its mark, the maximum under its. */
    static String labels(Window w, double seconds, int width) {
        double span = Math.max(w.maxSeconds() * 1.25, seconds * 1.05);
        char[] line = " ".repeat(width + 8).toCharArray();
        place(line, column(w.minSeconds(), span, width), Readout.whole(w.minSeconds()));
        place(line, column(w.maxSeconds(), span, width), Readout.whole(w.maxSeconds()));
        return new String(line).stripTrailing();
    }

    private static void place(char[] line, int at, String text) {
        int start = Math.max(0, Math.min(line.length - text.length(), at - text.length() / 2));
        for (int i = 0; i < text.length(); i++) {
            line[start + i] = text.charAt(i);
        }
    }

    private static int column(double seconds, double span, int width) {
        return (int) Math.min(width - 1, Math.round(seconds / span * (width - 1)));
    }
}
