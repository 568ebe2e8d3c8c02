package dev.tdn.console;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import dev.tdn.flow.Readout;
import dev.tdn.session.TimerView;

/** A running timer as the screen draws it: the time in big digits, the window bar, the zone in words. */
final class TimerPanel {

    private TimerPanel() {
    }

    static List<AttributedString> render(TimerView t, int columns, boolean unicode, boolean colour, boolean flash) {
        int width = Math.min(76, columns - 4);
        List<AttributedString> body = new ArrayList<>();
        AttributedStyle big = flash ? AttributedStyle.INVERSE.bold() : zoneStyle(t.zone(), colour).bold();
        // two columns of indent, and the last column is never drawn
        for (String row : BigDigits.fitted(Readout.time(t.seconds()), unicode ? '\u2588' : '#', columns - 3)) {
            body.add(new AttributedStringBuilder().append("  ").style(big).append(row).toAttributedString());
        }
        body.add(AttributedString.EMPTY);
        body.add(new AttributedStringBuilder().append("  ").append(WindowBar.render(t, width, colour)).toAttributedString());
        body.add(new AttributedString("  " + WindowBar.labels(t.window(), t.seconds(), width)));
        body.add(new AttributedStringBuilder().append("  ").style(zoneStyle(t.zone(), colour).bold()).append(zoneWords(t))
                .style(AttributedStyle.DEFAULT).append("   window " + Readout.window(t.window())
                        + (t.extended() ? " (extended: weak twitch)" : "") + (t.paused() ? "   PAUSED" : ""))
                .toAttributedString());
        return body;
    }

    /** Words and a symbol for the zone, so it reads without colour. */
    static String zoneWords(TimerView t) {
        return switch (t.zone()) {
            case BELOW_MINIMUM -> WindowBar.BELOW + " BELOW MINIMUM";
            case IN_WINDOW -> WindowBar.INSIDE + " IN WINDOW";
            case ABOVE_MAXIMUM -> WindowBar.PAST + " PAST MAXIMUM";
        };
    }

    private static AttributedStyle zoneStyle(TimerView.Zone zone, boolean colour) {
        if (!colour) {
            return AttributedStyle.DEFAULT;
        }
        return switch (zone) {
            case BELOW_MINIMUM -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
            case IN_WINDOW -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
            case ABOVE_MAXIMUM -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
        };
    }
}
