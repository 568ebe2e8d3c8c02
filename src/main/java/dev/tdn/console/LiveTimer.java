package dev.tdn.console;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import dev.tdn.flow.Readout;
import dev.tdn.protocol.Window;
import dev.tdn.session.Ticker;
import dev.tdn.session.TimerView;

/** {@code tdn timer} on a terminal: the same big clock, bar and bells as a session's dwell. */
public final class LiveTimer {

    private final Window window;
    private final Ticker ticker;
    private final boolean colour;
    private final double timeScale;

    public LiveTimer(Window window, Ticker ticker, boolean colour, double timeScale) {
        this.window = window;
        this.ticker = ticker;
        this.colour = colour;
        this.timeScale = timeScale;
    }

    /** Runs until Enter, q, Ctrl-C or the end of input; returns the view at that moment. */
    public TimerView run() throws IOException {
        return run(LiveScreen.open());
    }

    TimerView run(LiveScreen taken) throws IOException {
        long start = ticker.nanos();
        EdgeAlarm alarm = new EdgeAlarm();
        try (LiveScreen screen = taken) {
            alarm.reset(TimerView.standalone(window, ticker, start));
            String message = "";
            while (true) {
                TimerView t = TimerView.standalone(window, ticker, start);
                long now = System.nanoTime();
                if (alarm.crossed(t, now)) {
                    screen.bell();
                    message = t.zone() == TimerView.Zone.IN_WINDOW ? "Minimum reached." : "Maximum passed.";
                }
                List<AttributedString> lines = new ArrayList<>();
                lines.add(new AttributedStringBuilder().style(AttributedStyle.BOLD).append(" tdn timer")
                        .style(AttributedStyle.DEFAULT).append("  window " + Readout.window(window)).toAttributedString());
                lines.add(new AttributedString("-".repeat(Math.max(1, screen.size().getColumns() - 1))));
                lines.add(AttributedString.EMPTY);
                lines.addAll(TimerPanel.render(t, screen.size().getColumns(), screen.unicode(), colour,
                        alarm.flashing(now)));
                lines.add(AttributedString.EMPTY);
                lines.add(new AttributedString(" Enter, q or Ctrl-C = stop"));
                lines.add(new AttributedStringBuilder().style(AttributedStyle.BOLD).append(" " + message).toAttributedString());
                screen.draw(lines);
                // measured after drawing: the time the drawing took must not make the bell late
                int k = screen.key(EdgeAlarm.waitMillis(TimerView.standalone(window, ticker, start), timeScale));
                if (k == LiveScreen.ENTER || k == 'q' || k == LiveScreen.CTRL_C || k == LiveScreen.CTRL_D
                        || k == LiveScreen.EOF) {
                    return TimerView.standalone(window, ticker, start);
                }
            }
        }
    }
}
