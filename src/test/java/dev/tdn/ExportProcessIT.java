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

    @Test
    void theNightlyExportExampleWritesTheDayThreeWaysAndLogsNoPatients() throws Exception {
        Path out = home.resolve("exports");
        ProcessBuilder pb = new ProcessBuilder("bash", "examples/nightly-export.sh", out.toString(),
                home.resolve("log").toString(), "2026-11-26")
                .directory(Path.of(System.getProperty("tdn.repo", ".")).toFile()).redirectErrorStream(true);
        pb.environment().put("TDN_HOME", home.toString());
        // "the day" is the machine's local day: UTC here, whatever the test machine's zone
        pb.environment().put("TZ", "UTC");
        Path tdn = Files.createDirectories(home.resolve("bin")).resolve("tdn");
        Files.writeString(tdn, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
                + Path.of(System.getProperty("tdn.jar", "target/tdn.jar")).toAbsolutePath() + "' \"$@\"\n");
        assertThat(tdn.toFile().setExecutable(true)).isTrue();
        pb.environment().put("TDN", tdn.toString());
        Process p = pb.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(said).isZero();
        // the examples' sessions of 26 November UTC: the completed and the aborted one, not the next day's
        assertThat(Files.readAllLines(out.resolve("2026-11-26.ndjson"))).hasSize(2);
        assertThat(Files.readString(out.resolve("2026-11-26.fhir.json"))).contains("\"resourceType\" : \"Bundle\"");
        assertThat(Files.readAllLines(out.resolve("2026-11-26.csv")).get(0)).startsWith("session_id,");
        String log = Files.readString(home.resolve("log/export.log"));
        assertThat(log).contains("day=2026-11-26 fhir=0 csv=0 ndjson=0").doesNotContain("MRN-");

        Files.delete(home.resolve("tdn.db"));
        Process again = pb.start();
        again.getInputStream().readAllBytes();
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(Files.readString(home.resolve("log/export.log"))).contains("fhir=66 csv=66 ndjson=66");
    }
}
