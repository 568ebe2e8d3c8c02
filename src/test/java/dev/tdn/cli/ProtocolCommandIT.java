package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.Examples;
import dev.tdn.ExitCode;

/** What the in-process tests stand in for: the real TDN_HOME variable leads to the clinic's protocols folder. */
class ProtocolCommandIT {

    @TempDir
    Path home;

    @Test
    void tdnHomeHoldsTheClinicsProtocols() throws Exception {
        Path folder = Files.createDirectories(home.resolve("protocols"));
        Files.copy(Examples.ROOT.resolve("protocols/clinic-longer-compression.json"),
                folder.resolve("clinic-longer-compression.json"));

        String[] list = run(ExitCode.OK, "protocol", "list");
        String[] show = run(ExitCode.OK, "protocol", "show", "clinic-longer-compression");
        String[] unknown = run(ExitCode.NO_INPUT, "protocol", "show", "clinic");

        assertThat(list[0]).contains("clinic-longer-compression").contains(folder.toString());
        assertThat(list[1]).isEmpty();
        assertThat(show[0]).containsPattern("compression +45-90 s");
        assertThat(unknown[1]).contains("Known: clinic-longer-compression, standard").doesNotContain("Exception");
    }

    /** Runs the packaged jar with TDN_HOME set; returns stdout and stderr after checking the exit code. */
    private String[] run(int expectedExit, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("tdn.jar", "target/tdn.jar")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("TDN_HOME", home.toString());
        pb.redirectError(home.resolve("err.txt").toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("tdn finished").isTrue();
        String err = Files.readString(home.resolve("err.txt"));
        assertThat(p.exitValue()).as(err).isEqualTo(expectedExit);
        return new String[] {out, err};
    }
}
