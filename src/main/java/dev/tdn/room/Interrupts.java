package dev.tdn.room;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a session. A stray keypress must not end a procedure, so the first Ctrl-C only
 * warns; a second within three seconds aborts the session, writes its record and exits 130.
 */
public final class Interrupts implements AutoCloseable {

    private static final long CONFIRM_NANOS = 3_000_000_000L;
    private static final Signal INT = new Signal("INT");

    private final SignalHandler previous;
    private final AtomicBoolean fired;

    private Interrupts(SignalHandler previous, AtomicBoolean fired) {
        this.previous = previous;
        this.fired = fired;
    }

    /** True once a second Ctrl-C has aborted the session. */
    public boolean fired() {
        return fired.get();
    }

    /** {@code abort} ends the session and returns the exit code to leave with. */
    public static Interrupts install(Callable<Integer> abort, PrintWriter err) {
        long[] firstPress = {Long.MIN_VALUE};
        AtomicBoolean fired = new AtomicBoolean();
        SignalHandler previous = Signal.handle(INT, signal -> {
            long now = System.nanoTime();
            if (firstPress[0] != Long.MIN_VALUE && now - firstPress[0] < CONFIRM_NANOS) {
                fired.set(true);
                // said first, so that the record's path stays the last line, as scripts expect
                err.println("Session aborted by Ctrl-C.");
                err.flush();
                int code;
                try {
                    code = abort.call();
                } catch (Exception e) {
                    code = dev.tdn.ExitCode.IO_ERR;
                }
                System.exit(code);
            }
            firstPress[0] = now;
            err.println();
            err.println("Press Ctrl-C again within 3 seconds to abort the session (its record will be written).");
            err.flush();
        });
        return new Interrupts(previous, fired);
    }

    @Override
    public void close() {
        Signal.handle(INT, previous);
    }
}
