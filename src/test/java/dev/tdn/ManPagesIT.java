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

    @Test
    void theCheckSeesAWarningWhenThereIsOne(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(groffInstalled(), "groff is not installed");
        Path bad = Files.writeString(dir.resolve("bad.1"), ".TH BAD 1\n.SH NAME\n.NOSUCHMACRO\nbad\n");

        assertThat(groffWarnings(bad)).contains("NOSUCHMACRO");
    }
}
