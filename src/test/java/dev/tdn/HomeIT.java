package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code HOME=/somewhere tdn ...} keeps everything under /somewhere, as every other program does:
 * tdn takes its home from {@code $HOME}, not from Java's {@code user.home} (the passwd entry's).
 * Here user.home is pointed at another folder, which must stay empty, and so must the working
 * folder; the temporary folder may only hold what sqlite-jdbc copies there and removes again.
 */
class HomeIT {

    private static final List<String> UNSET = List.of("TDN_HOME", "TDN_STORE", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
            "XDG_STATE_HOME", "XDG_CACHE_HOME");

    @TempDir
    Path root;

    Path home;
    Path passwdHome;
    Path work;
    Path tmp;

    void environment(Map<String, String> env) {
        UNSET.forEach(env::remove);
        env.put("HOME", home.toString());
        env.put("TMPDIR", tmp.toString());
        env.put("JDK_JAVA_OPTIONS", "-Duser.home=" + passwdHome + " -Djava.io.tmpdir=" + tmp + " -XX:-UsePerfData");
    }

    @Test
    void everythingTdnWritesIsUnderHome() throws Exception {
        home = Files.createDirectory(root.resolve("home"));
        passwdHome = Files.createDirectory(root.resolve("passwd-home"));
        work = Files.createDirectory(root.resolve("work"));
        tmp = Files.createDirectory(root.resolve("tmp"));

        // a one-point training session through a pipe, on a clock 60 times faster: a 45 s dwell is 0.75 s
        String recordLine;
        try (Conversation c = Conversation.start(this::environment, "session", "-p", "MRN-5", "-c", "pt-1",
                "-m", "upper trapezius:left", "--time-scale", "60")) {
            SessionProcessIT.screenAndPrepare(c);
            c.answer("Point 1: muscle", "").answer("Point 1: side", "").answer("Point 1: location", "")
                    .answer("reproduces the patient's pain", "y").answer("pain referred elsewhere", "n");
            c.answer("Insert the needle", "");
            c.expect("Dwell timer started");
            Thread.sleep(750);
            c.answer("Dwell:", "").answer("Twitch response seen?", "s");
            c.answer("Cleanse the site", "").answer("Enter to start the compression timer", "");
            c.expect("Compression timer started");
            Thread.sleep(750);
            c.answer("Compressing", "").answer("Bleeding at the site?", "n").answer("Another trigger point?", "n");
            c.answer("Sanitize your hands", "").answer("Pain now, 0-10", "3").answer("Adverse events seen", "")
                    .answer("Aftercare advice given", "y").answer("Notes", "");
            recordLine = c.expect("Record: ");
            assertThat(c.exit()).as(c.rest()).isZero();
        }
        // a scaled clock is training: its record is kept in the training folder
        Path sessions = home.resolve(".local/share/tdn/training");
        assertThat(recordLine).contains(sessions.toString());

        for (String[] args : new String[][] {
                {"import", "--allow-training", sessions.toString()},
                {"import", Examples.SESSIONS.toString()},
                {"list"},
                {"show", "3f1c2a9e"},
                {"report", "adherence"},
                {"export", "--format", "csv"},
                {"protocol", "list"},
                {"recover"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        }
        assertThat(run("list").out()).contains("3f1c2a9e").contains("MRN-5");

        assertThat(files(home).stream().filter(Files::isRegularFile)).contains(home.resolve(".local/share/tdn/tdn.db"))
                .anyMatch(p -> p.getParent().equals(sessions) && p.toString().endsWith(".json"))
                .allMatch(p -> p.startsWith(home.resolve(".local/share/tdn")), "every file in tdn's data folder");
        assertThat(files(passwdHome)).as("user.home").isEmpty();
        assertThat(files(work)).as("the working folder").isEmpty();
        assertThat(files(tmp)).as("the temporary folder, once sqlite-jdbc has removed its library").isEmpty();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).toList();
        }
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("tdn.jar", "target/tdn.jar")).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        environment(pb.environment());
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
    }
}
