package dev.tdn.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.locks.LockSupport;

import dev.tdn.flow.Readout;
import dev.tdn.protocol.Window;
import dev.tdn.session.Ticker;
import dev.tdn.session.TimerView;

/**
 * One timed window in plain lines ({@code tdn timer} without a terminal): a line when the
 * minimum is reached, a line when the maximum is passed, and the result when Enter (or the
 * end of input) stops it.
 */
public final class PlainTimer {

    private static final long TICK_NANOS = 20_000_000L;

    private final Window window;
    private final Ticker ticker;
    private final BufferedReader in;
    private final PrintWriter out;

    public PlainTimer(Window window, Ticker ticker, BufferedReader in, PrintWriter out) {
        this.window = window;
        this.ticker = ticker;
        this.in = in;
        this.out = out;
    }

    /** Runs until a line (or the end of input) arrives; returns the view at that moment. */
    public TimerView run() throws IOException {
        long start = ticker.nanos();
        say("Timer started: window " + Readout.window(window) + ". Enter to stop.");
        Thread watcher = new Thread(() -> announceThresholds(start), "tdn-timer");
        watcher.setDaemon(true);
        watcher.start();
        in.readLine();
        TimerView end = TimerView.standalone(window, ticker, start);
        watcher.interrupt();
        synchronized (out) {
            say(Readout.stopped(end));
        }
        return end;
    }

    private void announceThresholds(long start) {
        TimerView.Zone last = TimerView.standalone(window, ticker, start).zone();
        while (!Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(TICK_NANOS);
            TimerView now = TimerView.standalone(window, ticker, start);
            if (now.zone() != last && !Thread.currentThread().isInterrupted()) {
                synchronized (out) {
                    say(now.zone() == TimerView.Zone.IN_WINDOW
                            ? "Minimum reached (" + Readout.time(now.seconds()) + "): in the window."
                            : "Maximum passed (" + Readout.time(now.seconds()) + "): past the window.");
                }
                last = now.zone();
            }
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
