package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is answered before picocli starts is what picocli's run of the same command prints. */
class QuickAnswersTest {

    @TempDir
    Path home;

    @AfterEach
    void clearHome() {
        System.clearProperty("tdn.home");
    }

    static String quick(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertThat(QuickAnswers.answer(args, out)).as("answered quickly").isTrue();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRootsHelpIsPicoclisInTheStylePicocliWouldChoose() {
        // the tests' output is no terminal: plain, as picocli prints it here
        assertThat(quick("--help")).isEqualTo(quick("-h"))
                .isEqualTo(dev.tdn.build.GeneratedFiles.rootHelp(picocli.CommandLine.Help.Ansi.OFF))
                .isEqualTo(TdnRunner.run("--no-color", "--help").out())
                .contains("Usage: tdn", "Exit codes:", "Examples:").doesNotContain("\u001b");
        // and styled where picocli would style it
        System.setProperty("picocli.ansi", "true");
        try {
            assertThat(quick("--help")).isEqualTo(dev.tdn.build.GeneratedFiles.rootHelp(picocli.CommandLine.Help.Ansi.ON))
                    .contains("\u001b[");
        } finally {
            System.clearProperty("picocli.ansi");
        }
    }

    @Test
    void helpRenderedOtherwiseThanAtBuildTimeIsPicoclisToGive() {
        System.setProperty("picocli.usage.width", "120");
        try {
            assertThat(QuickAnswers.answer(new String[] {"--help"},
                    new PrintStream(java.io.OutputStream.nullOutputStream()))).isFalse();
        } finally {
            System.clearProperty("picocli.usage.width");
        }
    }

    @Test
    void theProtocolNamesAreThoseOfTheCommand() throws Exception {
        System.setProperty("tdn.home", home.toString());
        Path protocols = Files.createDirectories(home.resolve("protocols"));
        Files.copy(Examples.ROOT.resolve("protocols/clinic-longer-compression.json"),
                protocols.resolve("clinic-longer-compression.json"));

        String quick = quick("protocol", "list", "--names");

        assertThat(quick).isEqualTo(TdnRunner.run("protocol", "list", "--names").out());
        assertThat(quick.lines()).containsExactly("clinic-longer-compression", "standard");
    }
}
