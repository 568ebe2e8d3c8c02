package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Install" lines, run as written by bash on a fresh account (an empty HOME, whose
 * ~/.local/bin is not on the PATH): install, the PATH line, completion in each shell, the man
 * page, installing again, an upgrade, and the uninstall line, which leaves the user's data.
 * The tests run in order, each on what the one before left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallIT {

    static final Path REPO = Path.of(System.getProperty("tdn.repo", ".")).toAbsolutePath();
    static final String VERSION = System.getProperty("tdn.version", "0.1.0");

    @TempDir
    static Path root;

    static Path home;
    /** What Java's user.home says; nothing may be written there. */
    static Path passwdHome;
    static Path tmp;
    static Path local;
    static List<String> blocks;
    static String originalPath;

    @BeforeAll
    static void freshAccount() throws IOException {
        home = Files.createDirectory(root.resolve("home"));
        passwdHome = Files.createDirectory(root.resolve("passwd-home"));
        tmp = Files.createDirectory(root.resolve("tmp"));
        local = home.resolve(".local");
        originalPath = System.getenv("PATH");
        blocks = installBlocks(Files.readString(REPO.resolve("README.md")));
    }

    @AfterAll
    static void nothingOutsideHome() throws IOException {
        assertThat(entries(passwdHome)).as("user.home").isEmpty();
        assertThat(entries(tmp)).as("the temporary folder").isEmpty();
    }

    /** The ```sh blocks of the README's "## Install" section, up to its first subsection. */
    static List<String> installBlocks(String readme) {
        int start = readme.indexOf("\n## Install\n");
        assertThat(start).as("README has an Install section").isPositive();
        int end = readme.indexOf("\n#", start + 1);
        Matcher m = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(start, end));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        // install, the PATH line, uninstall
        assertThat(found).hasSize(3);
        assertThat(found.get(0)).contains("install.sh");
        assertThat(found.get(1)).contains("PATH");
        assertThat(found.get(2)).contains("--uninstall");
        return found;
    }

    // ---- in order ----

    @Test
    @Order(1)
    void theReadmesLineInstallsOnAFreshAccount() throws Exception {
        Run r = bash(blocks.get(0));

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(local.resolve("bin/tdn")).isSymbolicLink();
        assertThat(local.resolve("share/tdn-current").toRealPath()).isEqualTo(local.resolve("share/tdn-" + VERSION).toRealPath());
        assertThat(local.resolve("share/tdn-" + VERSION + "/lib/tdn.jsa")).as("the start-up archive").exists();
        assertThat(local.resolve("share/man/man1/tdn.1")).exists();
        assertThat(local.resolve("share/bash-completion/completions/tdn")).hasSameTextualContentAs(REPO.resolve("completions/tdn.bash"));
        assertThat(local.resolve("share/zsh/site-functions/_tdn")).hasSameTextualContentAs(REPO.resolve("completions/_tdn"));
        assertThat(home.resolve(".config/fish/completions/tdn.fish")).hasSameTextualContentAs(REPO.resolve("completions/tdn.fish"));
        // the advice is plain, and the README's PATH line is the one it gives
        assertThat(r.out()).contains(local.resolve("bin") + " is not on your PATH")
                .contains("export PATH=\"$HOME/.local/bin:$PATH\"");
        assertThat(blocks.get(1)).contains("export PATH=\"$HOME/.local/bin:$PATH\"");
        if (installed("man")) {
            assertThat(r.out()).as("man finds the pages without MANPATH").doesNotContain("MANPATH");
        }
        assertThat(r.out()).contains("not touched");
        assertThat(bash("command -v tdn || echo none").out()).isEqualTo("none\n");
    }

    @Test
    @Order(2)
    void theReadmesPathLineMakesTdnACommand() throws Exception {
        Run added = bash(blocks.get(1));
        assertThat(added.code()).as(added.all()).isZero();

        Run version = bash(". \"$HOME/.bashrc\" && command -v tdn && tdn --version");

        assertThat(version.code()).as(version.all()).isZero();
        assertThat(version.out()).isEqualTo(local.resolve("bin/tdn") + "\ntdn " + VERSION + "\n");
    }

    @Test
    @Order(3)
    void theInstalledTdnKeepsItsDataUnderHome() throws Exception {
        Files.createDirectories(home.resolve(".config/tdn"));
        Files.writeString(home.resolve(".config/tdn/config.json"), "{ \"clinician\": { \"id\": \"pt-0042\" } }\n");

        Run imported = onPath("tdn import '" + Examples.SESSIONS + "' && tdn list");

        assertThat(imported.code()).as(imported.all()).isZero();
        assertThat(imported.out()).contains("3f1c2a9e");
        assertThat(local.resolve("share/tdn/tdn.db")).exists();
    }

    @Test
    @Order(4)
    void bashCompletionIsTheFileBashCompletionLooksFor() throws Exception {
        // sourced by hand, the installed file completes: a Tab after "tdn ses" offers session,
        // through whichever function the file registers
        Run r = bash(". '" + local.resolve("share/bash-completion/completions/tdn") + "' && f=$(complete -p tdn | sed 's/.*-F \\([^ ]*\\) .*/\\1/')"
                + " && COMP_WORDS=(tdn ses) COMP_CWORD=1 COMP_LINE='tdn ses' COMP_POINT=7 && \"$f\" tdn ses tdn"
                + " && printf '%s\\n' \"${COMPREPLY[@]}\"");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).isEqualTo("session\n");
    }

    @Test
    @Order(5)
    void bashCompletionLoadsItByItself() throws Exception {
        Path loader = Path.of("/usr/share/bash-completion/bash_completion");
        assumeTrue(Files.exists(loader), "bash-completion is not installed");

        // what happens at the first Tab after tdn: the loader finds the file by the command's name
        Run r = onPath(". " + loader + " && __load_completion tdn && f=$(complete -p tdn | sed 's/.*-F \\([^ ]*\\) .*/\\1/')"
                + " && COMP_WORDS=(tdn ses) COMP_CWORD=1 COMP_LINE='tdn ses' COMP_POINT=7 && \"$f\" tdn ses tdn"
                + " && printf '%s\\n' \"${COMPREPLY[@]}\"");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).isEqualTo("session\n");
    }

    @Test
    @Order(6)
    void zshCompletesWithTheFolderInFpath() throws Exception {
        assumeTrue(installed("zsh"), "zsh is not installed");

        // the line the README gives for ~/.zshrc, then compinit as a .zshrc has it
        Run r = run(List.of("zsh", "-fc", "fpath=(~/.local/share/zsh/site-functions $fpath); autoload -Uz compinit;"
                + " compinit -u -d \"$HOME/.zcompdump\"; print -r -- $_comps[tdn]; rm -f \"$HOME/.zcompdump\""), null);

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).isEqualTo("_tdn\n");
    }

    @Test
    @Order(7)
    void fishCompletesWithoutAnyLine() throws Exception {
        assumeTrue(installed("fish"), "fish is not installed");

        List<Path> before = entries(home);

        // fish loads a command's completions only once the command is found on the PATH
        Run r = run(List.of("fish", "-c", "complete -C 'tdn timer '"), local.resolve("bin") + ":" + originalPath);

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("dwell").contains("compression");
        // fish's own state (fish_variables, its data folder), which is not the installer's to remove
        List<Path> fishMade = new ArrayList<>(entries(home));
        fishMade.removeAll(before);
        assertThat(fishMade).allMatch(p -> p.toString().contains("/fish"));
        for (int i = fishMade.size() - 1; i >= 0; i--) {
            Files.delete(fishMade.get(i));
        }
    }

    @Test
    @Order(8)
    void manFindsAndRendersTheInstalledPage() throws Exception {
        assumeTrue(installed("man") || installed("groff"), "neither man nor groff is installed");
        Run r;
        if (installed("man")) {
            Run where = onPath("man -w tdn-session");
            assertThat(where.code()).as(where.all()).isZero();
            assertThat(where.out().strip()).startsWith(local.toString());
            r = onPath("MANPAGER=cat MANWIDTH=80 man tdn");
        } else {
            r = bash("groff -man -Tutf8 '" + local.resolve("share/man/man1/tdn.1") + "'");
        }

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out().replaceAll(".\b", "")).contains("NAME").contains("Trigger Point Dry Needling");
    }

    @Test
    @Order(9)
    void installingAgainOnThePathChangesNothing() throws Exception {
        List<Path> before = entries(home);

        Run r = onPath(blocks.get(0));

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains(local.resolve("bin") + " is on your PATH: run tdn.");
        assertThat(entries(home)).isEqualTo(before);
        assertThat(onPath("tdn --version").out()).isEqualTo("tdn " + VERSION + "\n");
    }

    @Test
    @Order(10)
    void anUpgradeReplacesTheReleaseAndItsLinks() throws Exception {
        // a newer release: the same one saying 0.99.0, and one man page fewer
        Path unpacked = Files.createDirectories(root.resolve("newer"));
        assertThat(bash("tar -xzf '" + tarball() + "' -C '" + unpacked + "'").code()).isZero();
        Path newer = Files.move(unpacked.resolve("tdn-" + VERSION), unpacked.resolve("tdn-0.99.0"));
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + newer.resolve("lib/tdn.jar").toUri()), Map.of())) {
            Files.writeString(jar.getPath("dev/tdn/version.properties"), "version=0.99.0\n");
        }
        Files.delete(newer.resolve("man/man1/tdn-timer.1"));

        Run r = onPath("'" + newer.resolve("install.sh") + "'");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(onPath("tdn --version").out()).isEqualTo("tdn 0.99.0\n");
        assertThat(local.resolve("share/tdn-" + VERSION)).doesNotExist();
        assertThat(local.resolve("share/tdn-current").toRealPath()).isEqualTo(local.resolve("share/tdn-0.99.0").toRealPath());
        assertThat(local.resolve("share/tdn-0.99.0/lib/tdn.jsa")).exists();
        assertThat(local.resolve("share/man/man1/tdn-timer.1")).doesNotExist();
        assertThat(Files.isSymbolicLink(local.resolve("share/man/man1/tdn-timer.1"))).isFalse();
        assertThat(local.resolve("share/man/man1/tdn-session.1")).exists();
        assertThat(onPath("tdn list").out()).as("the data is the same").contains("3f1c2a9e");
    }

    @Test
    @Order(11)
    void theReadmesUninstallLineRemovesAllButTheData() throws Exception {
        Run r = bash(blocks.get(2));

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("removed").contains("not touched");
        List<Path> kept = List.of(home.resolve(".bashrc"), home.resolve(".config/tdn/config.json"),
                local.resolve("share/tdn/tdn.db"));
        // what is left: the data, the .bashrc line the user added, and the folders they are in
        assertThat(entries(home)).allMatch(p -> kept.stream().anyMatch(k -> k.startsWith(p)), "data or a folder of it")
                .containsAll(kept);
        assertThat(bash(". \"$HOME/.bashrc\"; command -v tdn || echo none").out()).isEqualTo("none\n");
    }

    // ---- running things as the fresh account ----

    static Path tarball() {
        return REPO.resolve("target/tdn-" + VERSION + ".tar.gz");
    }

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** Runs a script with bash in the repository, with the PATH as the account had it. */
    static Run bash(String script) throws Exception {
        return run(List.of("bash", "-c", script), originalPath);
    }

    /** The same once ~/.local/bin is on the PATH. */
    static Run onPath(String script) throws Exception {
        return run(List.of("bash", "-c", script), local.resolve("bin") + ":" + originalPath);
    }

    static Run run(List<String> command, String path) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(REPO.toFile());
        Map<String, String> env = pb.environment();
        for (String name : List.of("TDN_HOME", "TDN_STORE", "PREFIX", "MANPATH", "BASH_COMPLETION_USER_DIR",
                "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_DIRS", "ZDOTDIR")) {
            env.remove(name);
        }
        env.put("HOME", home.toString());
        env.put("PATH", path == null ? originalPath : path);
        env.put("TMPDIR", tmp.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JDK_JAVA_OPTIONS", "-Duser.home=" + passwdHome + " -Djava.io.tmpdir=" + tmp);
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
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
    }

    static boolean installed(String program) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + program).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).sorted().toList();
        }
    }
}
