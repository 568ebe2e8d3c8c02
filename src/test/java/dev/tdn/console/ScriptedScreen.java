package dev.tdn.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jline.terminal.Size;
import org.jline.utils.AttributedString;

import dev.tdn.session.ManualTicker;

/**
 * A screen for the live session's tests: keys and typed lines arrive at scripted moments on the
 * test's hand-moved clock, and every frame drawn is kept for the assertions.
 */
final class ScriptedScreen implements Screen {

    private record Event(int key, String line, long due) {
    }

    private final ManualTicker ticker;
    private final Deque<Event> script = new ArrayDeque<>();
    private final Size size;
    private long last;
    private long arrived;
    final List<List<String>> frames = new ArrayList<>();
    final List<String> prompts = new ArrayList<>();
    int bells;
    boolean closed;

    ScriptedScreen(ManualTicker ticker, int columns, int rows) {
        this.ticker = ticker;
        this.size = new Size(columns, rows);
        this.last = ticker.nanos();
    }

    /** A key pressed {@code after} seconds after the previous scripted key or line. */
    ScriptedScreen press(double after, int key) {
        last += (long) (after * 1e9);
        script.add(new Event(key, null, last));
        return this;
    }

    ScriptedScreen press(double after, String keys) {
        for (char c : keys.toCharArray()) {
            press(after, c == '\n' ? ENTER : c);
        }
        return this;
    }

    ScriptedScreen type(double after, String line) {
        last += (long) (after * 1e9);
        script.add(new Event(0, line, last));
        return this;
    }

    /** Nothing for {@code seconds}: the clock runs on. */
    ScriptedScreen idle(double seconds) {
        last += (long) (seconds * 1e9);
        return this;
    }

    String lastFrame() {
        return String.join("\n", frames.get(frames.size() - 1));
    }

    @Override
    public void draw(List<AttributedString> lines) {
        frames.add(lines.stream().map(AttributedString::toString).toList());
    }

    @Override
    public int key(long millis) {
        Event next = script.peek();
        if (next == null) {
            return EOF;
        }
        long wait = millis * 1_000_000;
        if (next.line() != null && next.due() > ticker.nanos() + wait) {
            ticker.advanceNanos(wait);
            return TIMEOUT;
        }
        if (next.line() != null) {
            throw new AssertionError("the screen waits for a key, but the script types \"" + next.line()
                    + "\"; the screen shows:\n" + lastFrame());
        }
        if (next.due() > ticker.nanos() + wait) {
            ticker.advanceNanos(wait);
            return TIMEOUT;
        }
        ticker.advanceNanos(Math.max(0, next.due() - ticker.nanos()));
        script.poll();
        arrived = next.due();
        return next.key();
    }

    @Override
    public long keyArrivedAt() {
        return arrived;
    }

    @Override
    public void discardTypeAhead() {
        while (!script.isEmpty() && script.peek().line() == null && script.peek().due() <= ticker.nanos()) {
            script.poll();
        }
    }

    @Override
    public String line(List<AttributedString> context, String prompt, List<String> candidates) {
        frames.add(context.stream().map(AttributedString::toString).toList());
        prompts.add(prompt);
        Event next = script.poll();
        if (next == null) {
            return null;
        }
        if (next.line() == null) {
            throw new AssertionError("the screen asks to type at \"" + prompt + "\", but the script presses a key");
        }
        ticker.advanceNanos(Math.max(0, next.due() - ticker.nanos()));
        return next.line();
    }

    @Override
    public boolean cancelledByInterrupt() {
        return true;
    }

    @Override
    public void bell() {
        bells++;
    }

    @Override
    public Size size() {
        return size;
    }

    @Override
    public boolean unicode() {
        return true;
    }

    @Override
    public void close() {
        closed = true;
    }
}
