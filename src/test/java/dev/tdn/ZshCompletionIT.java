package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed zsh completion, {@code completions/_tdn}, as a user meets it: an interactive zsh on a
 * pseudo-terminal (zsh/zpty) with the completions folder on {@code fpath} and {@code compinit} run, a command
 * line typed, then TAB. Every word a completion function hands to {@code compadd} is written to a file, and
 * so is the command line after TAB; the terminal is only read for markers, never parsed for candidates.
 *
 * <p>Nothing can be run while completing ({@code path=()}), so the script is shown to need no {@code tdn} on
 * PATH; only the protocol names are asked of tdn, and their test puts a folder with just {@code tdn} in it on
 * PATH. Each zsh is given {@link #TIMEOUT_SECONDS} seconds and killed, with the zsh it started, after that.
 */
class ZshCompletionIT {

    static final Path REPO = CompletionIT.REPO;

    static final int TIMEOUT_SECONDS = 20;

    /** Sourced by the interactive zsh inside the pseudo-terminal. */
    private static final String SETUP = """
            PS1='' PS2='' RPS1=''
            bindkey -e
            fpath=("$TDN_FPATH" $fpath)
            autoload -U compinit && compinit -u -D
            path=($TDN_IT_PATH) && hash -r
            # every word offered, as tdn would receive it, one a line; -O/-A/-D only fill the caller's arrays
            compadd() {
              if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then
                builtin compadd "$@"
                return $?
              fi
              local -a __words
              builtin compadd -O __words "$@"
              (( $#__words )) && print -rl -- "${__words[@]}" >> "$TDN_OUT/words"
              builtin compadd "$@"
            }
            # no listing on the screen (and no "do you wish to see all N possibilities?" waiting for a key)
            _tdn_it_nolist() { compstate[list]='' }
            comppostfuncs=(_tdn_it_nolist)
            # the key after TAB: the command line as TAB left it, then the end marker, then leave
            _tdn_it_report() { print -r -- "$BUFFER" > "$TDN_OUT/line"; print -r -- "${TDN_MARK}-DONE"; exit }
            zle -N _tdn_it_report
            bindkey '^I' complete-word
            bindkey '^B' _tdn_it_report
            print -r -- "${TDN_MARK}-READY"
            """;

    /** Runs outside: starts the interactive zsh in a zpty, types the line and TAB, waits for the markers. */
    private static final String DRIVE = """
            zmodload zsh/zpty || exit 3
            zpty z zsh -f -i || exit 4
            zpty -w z "source ${(q)TDN_SETUP}"
            zpty -r z screen "*${TDN_MARK}-READY*" || { print -ru2 -- "no ready marker; the screen: $screen"; exit 5 }
            print -rn -- "$screen"
            zpty -w -n z "$1"$'\\t\\C-b'
            zpty -r z rest "*${TDN_MARK}-DONE*" || { print -ru2 -- "no done marker; the screen after TAB: $rest"; exit 6 }
            print -r -- "$rest"
            zpty -d z
            """;

    /** What TAB offered (each word as tdn would receive it) and the command line it left. */
    record Completion(List<String> words, String line) {
    }

    @TempDir
    Path dir;

    int runs;

    @BeforeEach
    void needZsh() {
        assumeTrue(zshWithZpty(), "zsh (with its zsh/zpty module) is not installed");
        assertThat(REPO.resolve("completions/_tdn")).isRegularFile();
    }

    static boolean zshWithZpty() {
        try {
            Process p = new ProcessBuilder("zsh", "-f", "-c", "zmodload zsh/zpty").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Types {@code line} at an interactive zsh that has {@code completions/} on its fpath, then TAB. */
    Completion zsh(String line) throws Exception {
        return zsh(REPO.resolve("completions"), line);
    }

    Completion zsh(Path completions, String line) throws Exception {
        return zsh(completions, line, null, Map.of());
    }

    /** In {@code cwd} (by default a folder of the run's own files), with {@code env} added to zsh's. */
    Completion zsh(Path completions, String line, Path cwd, Map<String, String> env) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run" + ++runs));
        Path out = Files.createDirectories(run.resolve("out"));
        Path setup = Files.writeString(run.resolve("setup.zsh"), SETUP);
        Path drive = Files.writeString(run.resolve("drive.zsh"), DRIVE);
        Path transcript = run.resolve("transcript");
        ProcessBuilder pb = new ProcessBuilder("zsh", "-f", drive.toString(), line)
                .directory((cwd != null ? cwd : run).toFile())
                .redirectErrorStream(true).redirectOutput(transcript.toFile());
        pb.environment().putAll(env);
        pb.environment().remove("EDITOR");
        pb.environment().remove("VISUAL");
        pb.environment().put("TERM", "dumb");
        pb.environment().put("HOME", run.toString());
        pb.environment().put("ZDOTDIR", run.toString());
        pb.environment().put("TDN_FPATH", completions.toAbsolutePath().normalize().toString());
        pb.environment().put("TDN_OUT", out.toString());
        pb.environment().put("TDN_SETUP", setup.toString());
        pb.environment().put("TDN_MARK", "TDNIT" + UUID.randomUUID().toString().replace("-", ""));
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            List<ProcessHandle> children = p.descendants().toList(); // before the parent goes and they are orphaned
            children.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            fail("zsh did not complete '%s' within %d s; the screen:%n%s", line, TIMEOUT_SECONDS, screen(transcript));
        }
        String screen = screen(transcript);
        assertThat(p.exitValue()).as("zsh completing '%s'; the screen:%n%s", line, screen).isZero();
        Path words = out.resolve("words");
        Path after = out.resolve("line");
        assertThat(after).as("the command line after TAB; the screen:%n%s", screen).isRegularFile();
        String buffer = Files.readString(after);
        return new Completion(Files.exists(words) ? Files.readAllLines(words) : List.of(),
                buffer.endsWith("\n") ? buffer.substring(0, buffer.length() - 1) : buffer);
    }

    /** The terminal transcript, control characters shown as {@code ^X}, for failure messages. */
    static String screen(Path transcript) throws IOException {
        if (!Files.exists(transcript)) {
            return "(none)";
        }
        StringBuilder s = new StringBuilder();
        for (char c : new String(Files.readAllBytes(transcript), StandardCharsets.UTF_8).toCharArray()) {
            s.append(c == '\n' || c >= ' ' && c != 127 ? String.valueOf(c) : "^" + (char) (c ^ 64));
        }
        return s.toString();
    }

    @Test
    void aCommandPrefixCompletesToTheOneCommand() throws Exception {
        Completion c = zsh("tdn imp");
        assertThat(c.words()).containsExactly("import");
        assertThat(c.line()).isEqualTo("tdn import ");
    }

    @Test
    void theExportFormatsAndNothingElse() throws Exception {
        Completion c = zsh("tdn export --format "); // zsh runs in a folder with files in it: none is offered
        assertThat(c.words()).containsExactlyInAnyOrder("ndjson", "csv", "fhir");
        assertThat(c.line()).isEqualTo("tdn export --format ");
    }

    @Test
    void theListStatuses() throws Exception {
        assertThat(zsh("tdn list --status ").words())
                .containsExactlyInAnyOrder("completed", "aborted", "not-done", "recovered", "resumed");
    }

    @Test
    void aMuscleWithItsSidesQuotedOnTheCommandLine() throws Exception {
        Completion c = zsh("tdn session -m upper");
        assertThat(c.words()).containsExactlyInAnyOrder("upper trapezius", "upper trapezius:left",
                "upper trapezius:right");
        assertThat(c.line()).isEqualTo("tdn session -m upper\\ trapezius");
        assertThat(zsh("tdn session -m upper\\ trapezius:l").line())
                .isEqualTo("tdn session -m upper\\ trapezius:left ");
    }

    @Test
    void theShellsForTheCompletionCommand() throws Exception {
        assertThat(zsh("tdn completion ").words()).containsExactlyInAnyOrder("bash", "zsh", "fish");
    }

    /** A folder to complete in, with a record whose name has a space, a folder and a file that is not JSON. */
    Path work() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("visit 1.json"), "{}");
        Files.createDirectories(work.resolve("records"));
        Files.writeString(work.resolve("notes.txt"), "");
        return work;
    }

    Completion zshIn(Path cwd, String line) throws Exception {
        return zsh(REPO.resolve("completions"), line, cwd, Map.of());
    }

    @Test
    void aMusclesSidesAfterItsColonHoweverTheNameIsQuoted() throws Exception {
        assertThat(zsh("tdn session -m upper\\ trapezius:").words())
                .containsExactlyInAnyOrder("upper trapezius:left", "upper trapezius:right");
        assertThat(zsh("tdn session -m \"upper trapezius:r").line())
                .isEqualTo("tdn session -m \"upper trapezius:right\" ");
        assertThat(zsh("tdn session --muscle 'levator scapulae:l").line())
                .isEqualTo("tdn session --muscle 'levator scapulae:left' ");
    }

    @Test
    void fileArgumentsCompleteAsFilesAndFoldersAsFolders() throws Exception {
        Path work = work();
        assertThat(zshIn(work, "tdn validate vis").line()).isEqualTo("tdn validate visit\\ 1.json ");
        assertThat(zshIn(work, "tdn import rec").line()).isEqualTo("tdn import records/");
        assertThat(zshIn(work, "tdn protocol validate vis").line()).isEqualTo("tdn protocol validate visit\\ 1.json ");
        assertThat(zshIn(work, "tdn export --format csv -o vis").line())
                .isEqualTo("tdn export --format csv -o visit\\ 1.json ");
        assertThat(zshIn(work, "tdn session --out r").line()).isEqualTo("tdn session --out records/");
        assertThat(zshIn(work, "tdn recover --out vis").line()).as("folders only").isEqualTo("tdn recover --out vis");
    }

    @Test
    void theProtocolNamesAreAskedOfTdnIncludingTheClinicsOwn() throws Exception {
        Path work = work();
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.copy(Examples.ROOT.resolve("protocols/clinic-longer-compression.json"),
                Files.createDirectories(home.resolve("protocols")).resolve("clinic-longer-compression.json"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tdn = Files.writeString(bin.resolve("tdn"), "#!/bin/sh\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
                + Path.of(System.getProperty("tdn.jar", "target/tdn.jar")).toAbsolutePath() + "' \"$@\"\n");
        tdn.toFile().setExecutable(true);
        Map<String, String> env = Map.of("TDN_IT_PATH", bin.toString(), "TDN_HOME", home.toString());
        Path completions = REPO.resolve("completions");

        assertThat(zsh(completions, "tdn session --protocol ", work, env).words())
                .containsExactlyInAnyOrder("clinic-longer-compression", "standard");
        assertThat(zsh(completions, "tdn timer --protocol cl", work, env).line())
                .isEqualTo("tdn timer --protocol clinic-longer-compression ");
        assertThat(zsh(completions, "tdn protocol show ", work, env).words())
                .containsExactlyInAnyOrder("clinic-longer-compression", "standard");
        // a path, or a word no name starts with: a protocol file
        assertThat(zsh(completions, "tdn protocol show ./vis", work, env).line())
                .isEqualTo("tdn protocol show ./visit\\ 1.json ");
        assertThat(zsh(completions, "tdn session --protocol vis", work, env).line())
                .isEqualTo("tdn session --protocol visit\\ 1.json ");
        // nothing to ask (no tdn on PATH): the built-in one
        assertThat(zshIn(work, "tdn protocol show ").words()).containsExactly("standard");
    }
}
