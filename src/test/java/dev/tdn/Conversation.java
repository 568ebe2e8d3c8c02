package dev.tdn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real {@code tdn} process talked to line by line, as a script or a person at a pipe would:
 * wait for a prompt, answer it. Also kills it the ways the world does.
 */
public final class Conversation implements AutoCloseable {

    private static final String EOF = "\u0000EOF";

    private final Process process;
    private final PrintWriter in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> transcript = new ArrayList<>();

    private Conversation(Process process) {
        this.process = process;
        this.in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process died; EOF below tells the waiting test
            }
            lines.add(EOF);
        });
        reader.setDaemon(true);
        reader.start();
    }

    public static Conversation start(Path home, String... args) throws IOException {
        return start(env -> env.put("TDN_HOME", home.toString()), args);
    }

    /** Starts tdn with the environment as {@code environment} leaves it (it may remove variables). */
    public static Conversation start(Consumer<Map<String, String>> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("tdn.jar", "target/tdn.jar")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        environment.accept(pb.environment());
        return new Conversation(pb.start());
    }

    /** Reads lines until one contains {@code text}; fails after 30 s or at the end of output. */
    public String expect(String text) throws InterruptedException {
        while (true) {
            String line = lines.poll(30, TimeUnit.SECONDS);
            if (line == null || line.equals(EOF)) {
                throw new AssertionError("tdn did not say \"" + text + "\"; it said:\n" + String.join("\n", transcript));
            }
            transcript.add(line);
            if (line.contains(text)) {
                return line;
            }
        }
    }

    public Conversation answer(String prompt, String reply) throws InterruptedException {
        expect(prompt);
        send(reply);
        return this;
    }

    public void send(String line) {
        in.println(line);
    }

    public void closeInput() {
        in.close();
    }

    public long pid() {
        return process.pid();
    }

    public void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
    }

    /** kill -9: no handler, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the exit; returns the exit code. */
    public int exit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tdn did not exit");
        }
        return process.exitValue();
    }

    /** Everything read so far and all that is still to come, once the process has ended. */
    public String rest() throws InterruptedException {
        StringBuilder sb = new StringBuilder(String.join("\n", transcript));
        String line;
        while ((line = lines.poll(30, TimeUnit.SECONDS)) != null && !line.equals(EOF)) {
            transcript.add(line);
            sb.append('\n').append(line);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
