package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed completion scripts, sourced in a real shell and asked what they offer: bash's
 * function called with the words bash would give it, bash itself at a terminal (tmux) where TAB
 * is pressed, and fish's {@code complete -C}.
 */
class CompletionIT {

    static final Path REPO = Path.of(System.getProperty("tdn.repo", "."));

    static final String CLINIC_PROTOCOL = "clinic-longer-compression";

    @TempDir
    Path dir;

    /** A folder to complete in: a record whose name has a space, a folder, a file that is not JSON. */
    Path work;

    /** TDN_HOME, with the clinic's own protocol in its protocols folder. */
    Path home;

    /** A folder with nothing but a {@code tdn} that runs the packaged jar, for PATH. */
    Path bin;

    @BeforeEach
    void folders() throws IOException {
        work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("visit 1.json"), "{}");
        Files.createDirectories(work.resolve("records"));
        Files.writeString(work.resolve("notes.txt"), "");
        home = Files.createDirectories(dir.resolve("home"));
        Files.copy(Examples.ROOT.resolve("protocols/" + CLINIC_PROTOCOL + ".json"),
                Files.createDirectories(home.resolve("protocols")).resolve(CLINIC_PROTOCOL + ".json"));
        bin = Files.createDirectories(dir.resolve("bin"));
        Path tdn = Files.writeString(bin.resolve("tdn"), "#!/bin/sh\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
                + Path.of(System.getProperty("tdn.jar", "target/tdn.jar")).toAbsolutePath() + "' \"$@\"\n");
        tdn.toFile().setExecutable(true);
    }

    String bash(String... words) throws Exception {
        StringBuilder line = new StringBuilder();
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            line.append(line.length() == 0 ? "" : " ").append(w);
            array.append(" '").append(w.replace("'", "'\\''")).append("'");
        }
        Path script = Files.writeString(dir.resolve("t.sh"), "source '" + REPO.resolve("completions/tdn.bash") + "'\n"
                + "COMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1) + "\nCOMP_LINE='" + line + "'\n"
                + "COMP_POINT=${#COMP_LINE}\n_tdn tdn 2>/dev/null\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n");
        Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    static boolean installed(String shell) {
        try {
            return new ProcessBuilder(shell, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (java.io.IOException notFound) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void bashCompletesCommandsChoicesAndMuscles() throws Exception {
        assertThat(bash("tdn", "ses").lines()).containsExactly("session");
        assertThat(bash("tdn", "imp").lines()).containsExactly("import");
        assertThat(bash("tdn", "list", "--status", "").lines())
                .containsExactlyInAnyOrder("completed", "aborted", "not-done", "recovered", "resumed");
        assertThat(bash("tdn", "val").lines()).containsExactly("validate");
        assertThat(bash("tdn", "export", "--format", "").lines()).containsExactlyInAnyOrder("ndjson", "csv", "fhir");
        assertThat(bash("tdn", "report", "").lines())
                .containsExactlyInAnyOrder("adherence", "billing", "adverse-events", "progress");
        assertThat(bash("tdn", "export", "--st").lines()).containsExactlyInAnyOrder("--status", "--store");
        assertThat(bash("tdn", "timer", "").lines()).containsExactlyInAnyOrder("dwell", "weak", "compression");
        assertThat(bash("tdn", "completion", "").lines()).containsExactlyInAnyOrder("bash", "zsh", "fish");
        assertThat(bash("tdn", "session", "-m", "upper").lines())
                .containsExactly("upper\\ trapezius", "upper\\ trapezius:left", "upper\\ trapezius:right");
        assertThat(bash("tdn", "session", "--mus").lines()).containsExactly("--muscle");
        assertThat(bash("tdn", "protocol", "").lines()).containsExactly("list", "show", "validate");
        // an option's value is not a subcommand: this is still tdn session, whose -m takes "show"
        assertThat(bash("tdn", "session", "-m", "show", "--pl").lines()).containsExactly("--plain");
    }

    @Test
    void theQuickCompletionCommandPrintsTheCommittedScripts() throws Exception {
        for (String[] shell : new String[][] {{"bash", "tdn.bash"}, {"zsh", "_tdn"}, {"fish", "tdn.fish"}}) {
            TdnProcess.Result r = TdnProcess.run("completion", shell[0]);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo(Files.readString(REPO.resolve("completions/" + shell[1])));
        }
    }

    @Test
    void theQuickProtocolNamesAreTheCommandsOwn() throws Exception {
        TdnProcess.Result quick = TdnProcess.runIn(home, "protocol", "list", "--names");
        TdnProcess.Result full = TdnProcess.runIn(home, "--no-color", "protocol", "list", "--names");

        assertThat(quick.exitCode()).isZero();
        assertThat(quick.out().lines()).containsExactly(CLINIC_PROTOCOL, "standard");
        assertThat(full.out()).isEqualTo(quick.out());
    }

    // --- bash at a terminal

    /**
     * An interactive bash in a tmux pane that has sourced {@code completions/tdn.bash}, in
     * {@link #work}. Every word the completion offers (COMPREPLY, the text bash puts in place of the
     * part of the word it completes) is written to a file, and so is the command line after TAB.
     */
    final class Bash implements AutoCloseable {
        private final TmuxPane pane;
        private final Path out;

        Bash(boolean tdnOnPath) throws Exception {
            out = Files.createTempDirectory(dir, "bash");
            Path rc = Files.writeString(out.resolve("rc.bash"), "PS1='$ '\n"
                    + "source '" + REPO.resolve("completions/tdn.bash").toAbsolutePath() + "'\n"
                    + "_tdn_it() { _tdn \"$@\"; printf '%s\\n' \"${COMPREPLY[@]}\" >> \"$TDN_OUT/words\"; }\n"
                    + "complete -F _tdn_it tdn\n"
                    + "bind -x '\"\\C-b\": printf \"%s\" \"$READLINE_LINE\" > \"$TDN_OUT/line\"'\n"
                    + "echo TDN-BASH-READY\n");
            String path = (tdnOnPath ? bin + ":" : "") + System.getenv("PATH");
            pane = TmuxPane.start("cd '" + work + "' && env TDN_OUT='" + out + "' TDN_HOME='" + home + "' PATH='"
                    + path + "' bash --noprofile --rcfile '" + rc + "' -i");
            pane.await("TDN-BASH-READY");
        }

        /** Types {@code line}, presses TAB; what was offered and the command line TAB left. */
        Tab tab(String line) throws Exception {
            Files.deleteIfExists(out.resolve("words"));
            Files.deleteIfExists(out.resolve("line"));
            pane.type(line);
            pane.keys("Tab");
            pane.keys("C-b");
            Path after = out.resolve("line");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(after)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("bash never reported the line after TAB; the screen:\n" + pane.screen());
                }
                Thread.sleep(50);
            }
            Thread.sleep(100); // the printf's whole line
            List<String> words = new ArrayList<>();
            if (Files.exists(out.resolve("words"))) {
                Files.readAllLines(out.resolve("words")).stream().filter(w -> !w.isEmpty()).forEach(words::add);
            }
            String result = Files.readString(after);
            pane.keys("C-e", "C-u");
            return new Tab(words, result);
        }

        @Override
        public void close() throws Exception {
            pane.close();
        }
    }

    /** What TAB offered and the command line it left. */
    record Tab(List<String> words, String line) {
    }

    void needBashAtATerminal() {
        assumeTrue(TmuxPane.available(), "tmux is not installed");
    }

    @Test
    void bashOffersTheSidesAfterAMusclesColonHoweverTheNameIsQuoted() throws Exception {
        needBashAtATerminal();
        try (Bash bash = new Bash(false)) {
            Tab sides = bash.tab("tdn session -m upper\\ trapezius:");
            assertThat(sides.words()).containsExactly("left", "right");
            assertThat(sides.line()).isEqualTo("tdn session -m upper\\ trapezius:");

            assertThat(bash.tab("tdn session -m upper\\ trapezius:l").line())
                    .isEqualTo("tdn session -m upper\\ trapezius:left ");
            assertThat(bash.tab("tdn session -m \"upper trapezius:r").line())
                    .isEqualTo("tdn session -m \"upper trapezius:right\" ");
            assertThat(bash.tab("tdn session --muscle 'levator scapulae:l").line())
                    .isEqualTo("tdn session --muscle 'levator scapulae:left' ");
            assertThat(bash.tab("tdn session -m upper\\ trap").line()).isEqualTo("tdn session -m upper\\ trapezius");
        }
    }

    @Test
    void bashCompletesFileArgumentsAsFilesAndFoldersAsFolders() throws Exception {
        needBashAtATerminal();
        try (Bash bash = new Bash(false)) {
            assertThat(bash.tab("tdn validate vis").line()).isEqualTo("tdn validate visit\\ 1.json ");
            assertThat(bash.tab("tdn validate --json \"vis").line()).isEqualTo("tdn validate --json \"visit 1.json\" ");
            assertThat(bash.tab("tdn import rec").line()).isEqualTo("tdn import records/");
            assertThat(bash.tab("tdn import --dry-run records/ no").line())
                    .isEqualTo("tdn import --dry-run records/ notes.txt ");
            assertThat(bash.tab("tdn protocol validate vis").line()).isEqualTo("tdn protocol validate visit\\ 1.json ");
            assertThat(bash.tab("tdn export --format csv -o vis").line())
                    .isEqualTo("tdn export --format csv -o visit\\ 1.json ");
            assertThat(bash.tab("tdn session --out r").line()).isEqualTo("tdn session --out records/");
            assertThat(bash.tab("tdn recover --out vis").words()).as("folders only").isEmpty();
        }
    }

    @Test
    void bashAsksTdnForTheProtocolNamesIncludingTheClinicsOwn() throws Exception {
        needBashAtATerminal();
        try (Bash bash = new Bash(true)) {
            assertThat(bash.tab("tdn session --protocol ").words()).containsExactly(CLINIC_PROTOCOL, "standard");
            assertThat(bash.tab("tdn timer --protocol cl").line())
                    .isEqualTo("tdn timer --protocol " + CLINIC_PROTOCOL + " ");
            assertThat(bash.tab("tdn protocol show st").line()).isEqualTo("tdn protocol show standard ");
            assertThat(bash.tab("tdn timer --protocol=cl").line())
                    .isEqualTo("tdn timer --protocol=" + CLINIC_PROTOCOL + " ");
            // a path, or a word no name starts with: a protocol file
            assertThat(bash.tab("tdn protocol show ./vis").line()).isEqualTo("tdn protocol show ./visit\\ 1.json ");
            assertThat(bash.tab("tdn session --protocol vis").line())
                    .isEqualTo("tdn session --protocol visit\\ 1.json ");
        }
    }

    @Test
    void bashOffersTheBuiltInProtocolWhenTdnCannotBeAsked() throws Exception {
        needBashAtATerminal();
        try (Bash bash = new Bash(false)) {
            assertThat(bash.tab("tdn protocol show ").words()).containsExactly("standard");
        }
    }

    // --- fish

    /** What fish offers for {@code line} (the words, without descriptions), run in {@link #work}. */
    List<String> fish(String line, boolean tdnOnPath) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("fish", "--no-config", "-c", "source '" + REPO.resolve("completions/tdn.fish")
                .toAbsolutePath() + "'; complete -C " + fishQuote(line))
                .directory(work.toFile()).redirectErrorStream(true);
        pb.environment().put("TDN_HOME", home.toString());
        if (tdnOnPath) {
            pb.environment().put("PATH", bin + ":" + pb.environment().get("PATH"));
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().map(l -> l.split("\t")[0]).toList();
    }

    static String fishQuote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    void needFish() {
        assumeTrue(installed("fish"), "fish is not installed");
    }

    @Test
    void fishCompletesTheSame() throws Exception {
        needFish();
        assertThat(fish("tdn session -m upper", false)).contains("upper trapezius:left");
        assertThat(fish("tdn timer ", false)).containsExactlyInAnyOrder("dwell", "weak", "compression");
    }

    @Test
    void fishOffersTheFormatsAndNoFileNamesForAChoice() throws Exception {
        needFish();
        assertThat(fish("tdn export --format ", false)).containsExactlyInAnyOrder("ndjson", "csv", "fhir");
    }

    @Test
    void fishOffersTheSidesAfterAMusclesColon() throws Exception {
        needFish();
        assertThat(fish("tdn session -m \"upper trapezius:", false))
                .containsExactly("upper trapezius:left", "upper trapezius:right");
        assertThat(fish("tdn session -m upper\\ trapezius:r", false)).containsExactly("upper trapezius:right");
    }

    @Test
    void fishCompletesFileArgumentsAsFilesAndFoldersAsFolders() throws Exception {
        needFish();
        assertThat(fish("tdn validate ", false)).contains("visit 1.json", "records/", "notes.txt");
        assertThat(fish("tdn import vis", false)).containsExactly("visit 1.json");
        assertThat(fish("tdn protocol validate vis", false)).containsExactly("visit 1.json");
        assertThat(fish("tdn export -o vis", false)).containsExactly("visit 1.json");
        assertThat(fish("tdn session --out ", false)).containsExactly("records/");
        // tdn show takes a session id: neither files nor protocol names, although tdn protocol show takes both
        assertThat(fish("tdn show ", false)).isEmpty();
    }

    @Test
    void fishAsksTdnForTheProtocolNamesIncludingTheClinicsOwn() throws Exception {
        needFish();
        assertThat(fish("tdn session --protocol ", true)).containsExactly(CLINIC_PROTOCOL, "standard");
        assertThat(fish("tdn protocol show ", true)).containsExactly(CLINIC_PROTOCOL, "standard");
        assertThat(fish("tdn timer --protocol ./vis", true)).containsExactly("./visit 1.json");
        assertThat(fish("tdn protocol show ", false)).containsExactly("standard");
    }
}
