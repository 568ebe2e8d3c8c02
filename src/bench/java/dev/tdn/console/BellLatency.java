package dev.tdn.console;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import dev.tdn.protocol.Window;
import dev.tdn.session.Ticker;

/**
 * How late the live screen's bell rings after a window's true edge. Runs the real timer loop
 * ({@link LiveTimer} on {@link LiveScreen}, with its frames and its deadline-based waits) into
 * a terminal whose output is watched for the BEL byte, and compares with the best a sleeping
 * thread can do on this machine: parking until the same deadline, measured in the same run.
 *
 * <p>Target: every bell within 50 ms of its edge on an idle machine.
 */
public final class BellLatency {

    private static final int RUNS = Integer.getInteger("bench.runs", 15);
    private static final double MIN = 0.4;
    private static final double MAX = 0.8;

    public static void main(String[] args) throws Exception {
        List<Double> bells = new ArrayList<>();
        List<Double> parks = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            bells.addAll(oneTimer());
            parks.add(parkLateness(MIN));
        }
        report("bell after the window edge (live timer loop)", bells);
        report("baseline: park until the same deadline", parks);
        double p95Bell = percentile(bells, 0.95);
        double p95Park = percentile(parks, 0.95);
        System.out.printf(Locale.ROOT, "ratio p95 bell / p95 baseline: %.1fx%n", p95Bell / Math.max(0.001, p95Park));
        double worst = Collections.max(bells);
        System.out.printf(Locale.ROOT, "target: every bell within 50 ms -> %s (worst %.2f ms)%n",
                worst <= 50 ? "MET" : "NOT MET", worst);
    }

    /** One timer through both edges; returns how late each bell was, in ms. */
    private static List<Double> oneTimer() throws IOException, InterruptedException {
        long[] origin = {0};
        Ticker ticker = () -> {
            long now = System.nanoTime();
            if (origin[0] == 0) {
                origin[0] = now;
            }
            return now;
        };
        List<Long> rang = Collections.synchronizedList(new ArrayList<>());
        OutputStream watched = new OutputStream() {
            @Override
            public void write(int b) {
                if (b == 7) {
                    rang.add(System.nanoTime());
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }
        };
        java.util.concurrent.BlockingQueue<Integer> keys = new java.util.concurrent.LinkedBlockingQueue<>();
        java.io.InputStream in = new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    return keys.take();
                } catch (InterruptedException e) {
                    return -1;
                }
            }
        };
        Terminal terminal = TerminalBuilder.builder().system(false).streams(in, watched).type("xterm-256color")
                .size(new Size(80, 24)).build();
        // JLine 3.30's FFM provider (Java 22+) opens the pty 24x80 (jline3 issue 1910)
        terminal.setSize(new Size(80, 24));
        Thread stopper = new Thread(() -> {
            LockSupport.parkNanos((long) ((MAX + 0.2) * 1e9));
            keys.add((int) '\r');
        });
        stopper.start();
        new LiveTimer(new Window(MIN, MAX), ticker, true, 1).run(LiveScreen.on(terminal));
        stopper.join();
        List<Double> late = new ArrayList<>();
        double[] edges = {MIN, MAX + 0.001};
        for (int i = 0; i < rang.size() && i < edges.length; i++) {
            late.add((rang.get(i) - origin[0] - edges[i] * 1e9) / 1e6);
        }
        if (rang.size() != 2) {
            throw new IllegalStateException("expected 2 bells, heard " + rang.size());
        }
        return late;
    }

    private static double parkLateness(double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(deadline - System.nanoTime());
        }
        return (System.nanoTime() - deadline) / 1e6;
    }

    private static void report(String what, List<Double> ms) {
        System.out.printf(Locale.ROOT, "%-46s n=%d  p50 %.2f ms  p95 %.2f ms  max %.2f ms%n", what, ms.size(),
                percentile(ms, 0.5), percentile(ms, 0.95), Collections.max(ms));
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
