package dev.tdn.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;

/**
 * Golden files, as picocli tests its own generators: regenerate in memory, compare with what
 * is committed. A command or option changed without refreshing completions/ and man/ fails here
 * with the command that refreshes them.
 */
class GeneratedFilesTest {

    static final Path REPO = Path.of(System.getProperty("tdn.repo", "."));
    static Map<String, String> generated;

    @BeforeAll
    static void generate() throws Exception {
        generated = GeneratedFiles.all();
    }

    @Test
    void committedCompletionsAndManPagesAreWhatTheCodeGenerates() throws Exception {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Path file = REPO.resolve(e.getKey());
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) {
                stale.add(e.getKey());
            }
        }
        for (String dir : List.of("completions", "man")) {
            try (Stream<Path> s = Files.list(REPO.resolve(dir))) {
                s.map(p -> dir + "/" + p.getFileName()).filter(p -> !generated.containsKey(p))
                        .forEach(p -> stale.add(p + " (no longer generated)"));
            }
        }

        assertThat(stale).as("stale generated files; refresh them with: " + GeneratedFiles.REFRESH).isEmpty();
    }

    @Test
    void theCompletionCommandPrintsTheCommittedScripts() throws Exception {
        for (String shell : List.of("bash", "zsh", "fish")) {
            Result r = TdnRunner.run("completion", shell);
            String file = shell.equals("bash") ? "tdn.bash" : shell.equals("zsh") ? "_tdn" : "tdn.fish";
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo(generated.get("completions/" + file));
        }
    }

    @Test
    void everyCommandHasAManPageWithExamplesAndExitCodes() {
        List<String> pages = generated.keySet().stream().filter(k -> k.startsWith("man/")).toList();
        assertThat(pages).contains("man/tdn.1", "man/tdn-session.1", "man/tdn-validate.1", "man/tdn-timer.1",
                "man/tdn-recover.1", "man/tdn-protocol.1", "man/tdn-completion.1", "man/tdn-export.1",
                "man/tdn-report.1", "man/tdn-list.1", "man/tdn-show.1", "man/tdn-import.1");
        for (String page : pages) {
            String roff = generated.get(page);
            assertThat(roff).as(page).containsIgnoringCase("Exit codes").containsIgnoringCase("Examples");
        }
    }

    @Test
    void everyManPageSaysWhichVariablesAndFilesTdnUses() {
        for (String page : generated.keySet().stream().filter(k -> k.startsWith("man/")).toList()) {
            String roff = generated.get(page);
            assertThat(roff).as(page).contains(".SH \"ENVIRONMENT\"", ".SH \"FILES\"");
            String environment = roff.substring(roff.indexOf(".SH \"ENVIRONMENT\""), roff.indexOf(".SH \"FILES\""));
            for (String variable : List.of("TDN_HOME", "TDN_STORE", "NO_COLOR", "TDN_DEBUG", "XDG_CONFIG_HOME",
                    "XDG_DATA_HOME", "HOME")) {
                assertThat(environment).as(page).contains("\\fB" + variable + "\\fP");
            }
            String files = roff.substring(roff.indexOf(".SH \"FILES\""));
            for (String file : List.of("config.json", "protocols/", "sessions/", "journal/", "journal/set\\-aside/",
                    "tdn.db")) {
                assertThat(files).as(page).contains(file + "\\fP");
            }
        }
    }

    @Test
    void anUnknownShellIsAUsageError() {
        assertThat(TdnRunner.run("completion", "powershell").exitCode()).isEqualTo(2);
    }
}
