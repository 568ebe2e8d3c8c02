package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed completion scripts, sourced in a real shell and asked what they offer. */
class CompletionIT {

    static final Path REPO = Path.of(System.getProperty("tdn.repo", "."));

    @TempDir
    Path dir;

    String bash(String... words) throws Exception {
        StringBuilder line = new StringBuilder();
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            line.append(line.length() == 0 ? "" : " ").append(w);
            array.append(" '").append(w.replace("'", "'\\''")).append("'");
        }
        Path script = Files.writeString(dir.resolve("t.sh"), "source '" + REPO.resolve("completions/tdn.bash") + "'\n"
                + "COMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1) + "\nCOMP_LINE='" + line + "'\n"
                + "COMP_POINT=${#COMP_LINE}\n_complete_tdn tdn 2>/dev/null\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n");
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
    void fishCompletesTheSame() throws Exception {
        assumeTrue(installed("fish"), "fish is not installed");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Process p = new ProcessBuilder("fish", "-c", "source '" + REPO.resolve("completions/tdn.fish")
                + "'; complete -C 'tdn session -m upper'; complete -C 'tdn timer '").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).contains("upper trapezius:left").contains("dwell").contains("compression");
        assertThat(bin).exists();
    }

    @Test
    void fishOffersTheFormatsAndNoFileNamesForAChoice() throws Exception {
        assumeTrue(installed("fish"), "fish is not installed");
        Files.writeString(dir.resolve("a-file.txt"), "");
        Process p = new ProcessBuilder("fish", "-c", "source '" + REPO.resolve("completions/tdn.fish")
                + "'; complete -C 'tdn export --format '").directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out.lines().map(l -> l.split("\t")[0])).containsExactlyInAnyOrder("ndjson", "csv", "fhir");
    }
}
