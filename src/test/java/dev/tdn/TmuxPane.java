package dev.tdn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * tdn in a real pseudo-terminal: a detached tmux pane of a fixed size, driven with send-keys
 * and read with capture-pane, as a person at the keyboard would see it.
 */
public final class TmuxPane implements AutoCloseable {

    private final String socket = "tdn-test-" + UUID.randomUUID();
    private final String name = "s";

    private TmuxPane() {
    }

    public static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code shellCommand} in an 80x24 pane; the pane stays open after it exits. */
    public static TmuxPane start(String shellCommand) throws IOException, InterruptedException {
        TmuxPane pane = new TmuxPane();
        pane.tmux("new-session", "-d", "-s", pane.name, "-x", "80", "-y", "24",
                shellCommand + "; echo TDN-EXIT=$?; sleep 600");
        return pane;
    }

    public static String tdn(Path home, String env, String args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "cd '" + System.getProperty("tdn.repo", ".") + "' && env TDN_HOME='" + home + "' " + env + " '" + java
                + "' -jar '" + System.getProperty("tdn.jar", "target/tdn.jar") + "' " + args;
    }

    /**
     * Presses keys as a person does: a moment after the screen they act on appeared. The live
     * screen ignores a key within 0.3 s of its screen appearing (a bounce), so a test that typed
     * faster than a person would see its keys dropped.
     */
    public void keys(String... keys) throws IOException, InterruptedException {
        Thread.sleep(400);
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", name));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Presses keys at once, as a bounce or a double press does. */
    public void keysNow(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", name));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    public void resize(int columns, int rows) throws IOException, InterruptedException {
        tmux("resize-window", "-t", name, "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    public String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", name);
    }

    /** The screen with its escape sequences (colours), as the terminal received them. */
    public String screenWithStyles() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-e", "-t", name);
    }

    /** Polls the screen until {@code test} holds; fails with the last screen after 30 s. */
    public String await(String what, Predicate<String> test) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String s = screen();
        while (!test.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("screen never showed " + what + ":\n" + s);
            }
            Thread.sleep(50);
            s = screen();
        }
        return s;
    }

    public String await(String text) throws IOException, InterruptedException {
        return await("\"" + text + "\"", s -> s.contains(text));
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TERM", "xterm-256color");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        tmux("kill-server");
    }
}
