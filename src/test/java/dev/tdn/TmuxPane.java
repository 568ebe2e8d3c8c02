package dev.tdn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private boolean closed;

    private TmuxPane() {
    }

    public static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Starts {@code shellCommand} in an 80x24 pane; the pane stays open after it exits. Then the
     * pane shows {@code TTY-RESTORED} if the terminal's modes are as they were before it ran
     * ({@code TTY-CHANGED} if not), and {@code TDN-EXIT=} with its exit code. The first line of
     * {@code stty -a} (speed, line discipline, size) is left out: JLine's native terminal clears
     * the speed whenever it sets modes (jline3 issue 2170), which a pseudo-terminal ignores.
     */
    public static TmuxPane start(String shellCommand) throws IOException, InterruptedException {
        TmuxPane pane = new TmuxPane();
        pane.tmux("new-session", "-d", "-s", pane.name, "-x", "80", "-y", "24",
                "modes=$(stty -a | sed 1d); " + shellCommand + "; code=$?; "
                        + "if [ \"$(stty -a | sed 1d)\" = \"$modes\" ]; then echo TTY-RESTORED; else echo TTY-CHANGED; fi; "
                        + "echo TDN-EXIT=$code; sleep 600");
        return pane;
    }

    /** What tmux says of the pane's terminal: on the alternate screen or not, the cursor shown or hidden. */
    public record Modes(boolean alternateScreen, boolean cursorShown) {
    }

    public Modes modes() throws IOException, InterruptedException {
        String[] flags = tmux("display", "-p", "-t", name, "#{alternate_on} #{cursor_flag}").strip().split(" ");
        return new Modes(flags[0].equals("1"), flags[1].equals("1"));
    }

    /** The pid of the java process the pane's shell started (tdn); waits up to 30 s for it. */
    public long javaPid() throws IOException, InterruptedException {
        long shell = Long.parseLong(tmux("display", "-p", "-t", name, "#{pane_pid}").strip());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Optional<ProcessHandle> java = ProcessHandle.of(shell).stream().flatMap(ProcessHandle::children)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
            if (java.isPresent()) {
                return java.get().pid();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no java process in the pane");
            }
            Thread.sleep(50);
        }
    }

    /** kill -NAME pid, as a service manager (TERM) or a closing terminal (HUP) would. */
    public static void signal(long pid, String name) throws IOException, InterruptedException {
        if (new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor() != 0) {
            throw new IOException("kill -" + name + " " + pid + " failed");
        }
    }

    /**
     * Waits up to 30 s for {@code pid} to end. A zombie counts as ended: once its shell has gone
     * too, only the container's init reaps it, whenever it gets round to it.
     */
    public static void awaitEnded(long pid) throws IOException, InterruptedException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            String state;
            try {
                String line = Files.readString(stat);
                state = line.substring(line.lastIndexOf(')') + 2, line.lastIndexOf(')') + 3);
            } catch (NoSuchFileException gone) {
                return;
            }
            if (state.equals("Z")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("process " + pid + " still running");
            }
            Thread.sleep(20);
        }
    }

    /** Closes the terminal under whatever runs in it, as closing its window does: the pane hangs up. */
    public void hangUp() throws IOException, InterruptedException {
        close();
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

    /** Types {@code text} as it is, even where a word of it is also the name of a key (Enter, Tab). */
    public void type(String text) throws IOException, InterruptedException {
        Thread.sleep(400);
        tmux("send-keys", "-t", name, "-l", text);
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
        if (!closed) {
            closed = true;
            tmux("kill-server");
        }
    }
}
