package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every committed man page renders in groff, as `man -l` does, without a single warning. */
class ManPagesIT {

    private static final Path MAN = Path.of(System.getProperty("tdn.repo", ".")).resolve("man");

    private static String groffWarnings(Path page) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", page.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static boolean groffInstalled() {
        try {
            return new ProcessBuilder("groff", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException notFound) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void everyPageRendersWithoutWarnings() throws Exception {
        assumeTrue(groffInstalled(), "groff is not installed");
        List<Path> pages;
        try (Stream<Path> s = Files.list(MAN)) {
            pages = s.filter(p -> p.toString().endsWith(".1")).sorted().toList();
        }
        assertThat(pages).extracting(p -> p.getFileName().toString())
                .contains("tdn.1", "tdn-export.1", "tdn-report.1", "tdn-session.1");
        for (Path page : pages) {
            assertThat(groffWarnings(page)).as(page.getFileName().toString()).isEmpty();
        }
    }

    /** The page as {@code man} shows it on a terminal, without its bold and underlining. */
    private static String rendered(Path page) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("groff", "-man", "-Tutf8", page.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.replaceAll(".\b", "").replaceAll("\u001B\\[[0-9;]*m", "");
    }

    /** The lines of a section, from its heading (a line of capitals at the margin) to the next one. */
    private static List<String> section(String text, String heading) {
        List<String> lines = text.lines().toList();
        int start = lines.indexOf(heading);
        assertThat(start).as("a " + heading + " section in:%n%s", text).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).matches("[A-Z][A-Z :]*")) {
            end++;
        }
        return lines.subList(start + 1, end).stream().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void everyPageHasASynopsisAsTypedAndItsEnvironmentAndFiles() throws Exception {
        assumeTrue(groffInstalled(), "groff is not installed");
        List<Path> pages;
        try (Stream<Path> s = Files.list(MAN)) {
            pages = s.filter(p -> p.toString().endsWith(".1")).sorted().toList();
        }
        for (Path page : pages) {
            String text = rendered(page);
            String name = page.getFileName().toString();
            List<String> synopsis = section(text, "SYNOPSIS");
            // no markup left over (the asciidoc of NAME[:SIDE] once showed as "NAME[: _ SIDE]_"), and the
            // lines after the first indented under the command's name
            assertThat(String.join("\n", synopsis)).as(name).doesNotContain("_", "*", "+", "\\", "`");
            assertThat(synopsis.get(0)).as(name).startsWith("       tdn");
            synopsis.stream().skip(1).forEach(l -> assertThat(l).as(name).matches(" {11}\\S.*"));
            assertThat(section(text, "ENVIRONMENT")).as(name).contains("       TDN_HOME", "       TDN_STORE",
                    "       NO_COLOR", "       TDN_DEBUG", "       XDG_CONFIG_HOME", "       XDG_DATA_HOME",
                    "       HOME");
            assertThat(section(text, "FILES")).as(name).contains("       ~/.config/tdn/config.json",
                    "       ~/.config/tdn/protocols/", "       ~/.local/share/tdn/sessions/",
                    "       ~/.local/share/tdn/journal/", "       ~/.local/share/tdn/journal/set-aside/",
                    "       ~/.local/share/tdn/tdn.db");
        }
    }

    @Test
    void theSessionSynopsisShowsTheMuscleAndResumeOptionsAsTheyAreTyped() throws Exception {
        assumeTrue(groffInstalled(), "groff is not installed");

        String synopsis = String.join(" ", section(rendered(MAN.resolve("tdn-session.1")), "SYNOPSIS"))
                .replaceAll("\\s+", " ").strip();

        assertThat(synopsis).startsWith("tdn session [-hV]").contains(" [-m=NAME[:SIDE]]...")
                .contains(" [--resume[=ID]] ").contains(" [--protocol=NAME|FILE] ").contains(" [--out=DIR] ");
    }

    @Test
    void theCheckSeesAWarningWhenThereIsOne(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(groffInstalled(), "groff is not installed");
        Path bad = Files.writeString(dir.resolve("bad.1"), ".TH BAD 1\n.SH NAME\n.NOSUCHMACRO\nbad\n");

        assertThat(groffWarnings(bad)).contains("NOSUCHMACRO");
    }
}
