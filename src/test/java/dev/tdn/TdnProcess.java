package dev.tdn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts the packaged tool as a user's shell would: {@code java -jar target/tdn.jar ...}. */
public final class TdnProcess {

    public record Result(int exitCode, String out, String err) {
    }

    private static final Path JAR = Path.of(System.getProperty("tdn.jar", "target/tdn.jar"));

    private TdnProcess() {
    }

    public static Result run(byte[] stdin, String... args) throws IOException, InterruptedException {
        return run(null, stdin, args);
    }

    /** Runs with {@code TDN_HOME} set to {@code home}. */
    public static Result runIn(Path home, String... args) throws IOException, InterruptedException {
        return run(home, new byte[0], args);
    }

    private static Result run(Path home, byte[] stdin, String... args) throws IOException, InterruptedException {
        return runIn(home, java.util.Map.of(), stdin, args);
    }

    /** Runs with {@code TDN_HOME} set to {@code home} (unless null) and {@code env} added. */
    public static Result runIn(Path home, java.util.Map<String, String> env, byte[] stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (home != null) {
            pb.environment().put("TDN_HOME", home.toString());
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(stdin);
        p.getOutputStream().close();
        // read both pipes concurrently so a chatty process never blocks on a full pipe
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.completeExceptionally(e);
            }
        });
        t.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tdn did not finish: " + command);
        }
        return new Result(p.exitValue(), out, err.join());
    }

    public static Result run(String... args) throws IOException, InterruptedException {
        return run(new byte[0], args);
    }
}
