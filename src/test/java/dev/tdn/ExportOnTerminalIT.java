package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.node.ObjectNode;

/**
 * Machine-readable output read straight on the screen: an export or {@code --json} written to a
 * terminal (a real pseudo-terminal, from util-linux's script) shows a record's C1 and bidi
 * characters as U+FFFD, while the same command into a pipe keeps the exact bytes.
 */
class ExportOnTerminalIT {

    private static final Path JAR = Path.of(System.getProperty("tdn.jar", "target/tdn.jar")).toAbsolutePath();

    @Test
    void exportsAndJsonOnATerminalShowNoC1OrBidiButKeepThemInAPipe(@TempDir Path home) throws Exception {
        Path file = home.resolve("hostile.json");
        // raw in the JSON text, as UTF-8: JSON allows C1 and bidi characters unescaped
        Files.writeString(file, dev.tdn.record.RecordText.edited(Examples.COMPLETED, t -> {
            ((ObjectNode) t.get("clinician")).put("name", "A. Rivera\u009b2J\u202eevil");
            ((ObjectNode) t.get("patient")).put("id", "MRN\u009b1\u202e2");
        }), StandardCharsets.UTF_8);
        assertThat(TdnProcess.runIn(home, "import", file.toString()).exitCode()).isZero();

        for (String command : List.of("export --format ndjson", "export --format csv", "export --format fhir",
                "show --json 3f1c2a9e", "list --json")) {
            String onTerminal = onTerminal(home, command);
            String piped = new String(TdnProcess.runIn(home, command.split(" ")).out().getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);

            assertThat(onTerminal).as(command).contains("\uFFFD").doesNotContain("\u009b").doesNotContain("\u202e");
            assertThat(piped).as(command).contains("\u009b").contains("\u202e");
        }
    }

    /** What {@code tdn COMMAND} writes on a pseudo-terminal, decoded as UTF-8. */
    private static String onTerminal(Path home, String command) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", java + " -jar " + JAR + " " + command, "/dev/null");
        pb.environment().put("TDN_HOME", home.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(command).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
