package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a real process shows about export: its standard output failing, and what -o may replace. */
class ExportProcessIT {

    @TempDir
    Path home;

    @BeforeEach
    void importTheExamples() throws Exception {
        assertThat(TdnProcess.runIn(home, "import", Examples.SESSIONS.toString()).exitCode()).isZero();
    }

    /** tdn with its standard output sent to {@code out}; returns the exit code and standard error. */
    private TdnProcess.Result runTo(File out, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("tdn.jar", "target/tdn.jar")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out);
        pb.environment().put("TDN_HOME", home.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new TdnProcess.Result(p.exitValue(), "", err);
    }

    @Test
    void aFullDiskUnderStandardOutputIsAnErrorNotSuccess() throws Exception {
        File full = new File("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(full.exists(), "no /dev/full here");

        TdnProcess.Result export = runTo(full, "export", "--format", "ndjson");
        TdnProcess.Result list = runTo(full, "list");

        assertThat(export.exitCode()).isEqualTo(ExitCode.IO_ERR);
        assertThat(export.err()).contains("cannot write to standard output");
        assertThat(list.exitCode()).isEqualTo(ExitCode.IO_ERR);
        assertThat(list.err()).contains("cannot write to standard output");
    }

    @Test
    void outputThroughASymbolicLinkKeepsTheLink() throws Exception {
        Path real = home.resolve("exports/real.csv");
        Files.createDirectories(real.getParent());
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(home.resolve("latest.csv"), real);

        TdnProcess.Result r = TdnProcess.runIn(home, "export", "--format", "csv", "-o", link.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllLines(real)).hasSize(5).first().asString().startsWith("session_id,");
    }

    @Test
    void aPipeOrADanglingLinkIsNeverReplaced() throws Exception {
        Path fifo = home.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path dangling = Files.createSymbolicLink(home.resolve("dangling.csv"), home.resolve("nowhere/x.csv"));

        TdnProcess.Result toFifo = TdnProcess.runIn(home, "export", "--format", "csv", "-o", fifo.toString());
        TdnProcess.Result toDangling = TdnProcess.runIn(home, "export", "--format", "csv", "-o", dangling.toString());

        assertThat(toFifo.exitCode()).isEqualTo(ExitCode.IO_ERR);
        assertThat(toFifo.err()).contains("not a regular file").contains("nothing was written");
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(toDangling.exitCode()).isEqualTo(ExitCode.IO_ERR);
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
    }
}
