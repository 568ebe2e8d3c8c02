package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release archive as a clinic's IT person installs it: unpacked, then bin/tdn --create-cds-archive. */
class LauncherIT {

    @TempDir
    static Path install;

    static Path tdn;

    @BeforeAll
    static void unpackAndCreateTheArchive() throws Exception {
        Path tarball = Path.of("target", "tdn-" + System.getProperty("tdn.version", "0.1.0") + ".tar.gz");
        assertThat(run(Map.of(), "tar", "-xzf", tarball.toString(), "-C", install.toString()).code()).isZero();
        tdn = install.resolve("tdn-" + System.getProperty("tdn.version", "0.1.0")).resolve("bin/tdn");

        Run created = run(Map.of(), tdn.toString(), "--create-cds-archive");

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("start-up archive written");
        // nothing on stderr either: Java 24 and later warn there about native libraries unless allowed
        assertThat(created.err()).isEmpty();
        assertThat(tdn.resolveSibling("../lib/tdn.jsa").normalize()).exists();
    }

    @Test
    void theArchiveNeverPrintsOnStandardOutput() throws Exception {
        Run version = run(Map.of(), tdn.toString(), "--version");

        assertThat(version.code()).isZero();
        assertThat(version.out()).isEqualTo("tdn " + System.getProperty("tdn.version", "0.1.0") + "\n");
    }

    @Test
    void theArchiveIsUsed() throws Exception {
        // an archive the JVM refuses is ignored silently (-Xlog:cds=off): only the classes tell
        Path log = install.resolve("class-load.log");
        Run help = run(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log), tdn.toString(), "list",
                "--help");

        assertThat(help.code()).as(help.err()).isZero();
        assertThat(Files.readString(log)).contains("source: shared objects file (top)");
    }

    @Test
    void theArchiveIsUsedByTheQuickCommandsAndTheBatchOnesAlike() throws Exception {
        // the quick commands start with another compiler setting than the training run had
        for (List<String> command : List.of(List.of("validate", Examples.COMPLETED.toString()),
                List.of("import", "--dry-run", Examples.COMPLETED.toString()))) {
            Path log = install.resolve("class-load-" + command.get(0) + ".log");
            List<String> args = new java.util.ArrayList<>(List.of(tdn.toString(), "--store",
                    "jdbc:sqlite:" + install.resolve("archive-check.db")));
            args.addAll(command);
            Run run = run(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log), args.toArray(String[]::new));

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(Files.readString(log)).as(command.get(0)).contains("dev.tdn.Tdn source: shared objects file (top)");
        }
    }

    @Test
    void onlyTheBatchCommandsStartTheOptimisingCompiler() throws Exception {
        // -XX:+PrintCommandLineFlags prints the flags the JVM took, before tdn's own output
        Map<String, String> flags = Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags");
        String store = "jdbc:sqlite:" + install.resolve("compiler-check.db");
        // more than 64 MB: lines longer than a record may be, refused at the first
        Path large = install.resolve("large.ndjson");
        String line = "x".repeat(17 * 1024 * 1024) + "\n";
        Files.writeString(large, line.repeat(4));

        Run validate = run(flags, tdn.toString(), "validate", Examples.COMPLETED.toString());
        Run show = run(flags, tdn.toString(), "--store", store, "--no-color", "show", "nothing");
        Run smallImport = run(flags, tdn.toString(), "--store", store, "import", Examples.COMPLETED.toString());
        Run largeImport = run(flags, tdn.toString(), "--store", store, "import", "--dry-run", large.toString());
        Run stdinImport = run(flags, tdn.toString(), "--store", store, "import", "-");
        Run report = run(flags, tdn.toString(), "--store=" + store, "report", "billing");
        Run onePatient = run(flags, tdn.toString(), "--store=" + store, "report", "progress", "--patient", "MRN-12345");

        assertThat(validate.out()).contains("-XX:TieredStopAtLevel=1");
        assertThat(show.out()).contains("-XX:TieredStopAtLevel=1");
        assertThat(smallImport.code()).as(smallImport.err()).isZero();
        assertThat(smallImport.out()).contains("-XX:TieredStopAtLevel=1");
        assertThat(largeImport.err()).contains("1 rejected");
        assertThat(largeImport.out()).doesNotContain("TieredStopAtLevel").contains("-XX:Tier4InvocationThreshold=100000");
        assertThat(stdinImport.out()).doesNotContain("TieredStopAtLevel").contains("-XX:Tier4InvocationThreshold=100000");
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).doesNotContain("TieredStopAtLevel");
        assertThat(onePatient.code()).as(onePatient.err()).isZero();
        assertThat(onePatient.out()).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void sqliteLoadsTheInstalledLibraryInsteadOfCopyingItOnEveryStart() throws Exception {
        assumeTheLibraryWasInstalled();
        // sqlite-jdbc cannot copy its library anywhere: only the installed one can be loaded
        Map<String, String> noTemp = Map.of("JDK_JAVA_OPTIONS", "-Dorg.sqlite.tmpdir=" + install.resolve("no/such/dir"));
        String store = "jdbc:sqlite:" + install.resolve("tdn.db");
        Run imported = run(noTemp, tdn.toString(), "--store", store, "import", Examples.COMPLETED.toString());
        Run list = run(noTemp, tdn.toString(), "--store", store, "list");

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("ID ");
    }

    @Test
    void aLibraryOlderThanTheJarIsNotUsed() throws Exception {
        Path library = assumeTheLibraryWasInstalled();
        Path jar = tdn.resolveSibling("../lib/tdn.jar").normalize();
        byte[] good = Files.readAllBytes(library);
        try {
            // a library left from an older jar, broken so that loading it would fail
            Files.write(library, new byte[] {1, 2, 3});
            Files.setLastModifiedTime(library, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));

            Run imported = run(Map.of(), tdn.toString(), "--store", "jdbc:sqlite:" + install.resolve("stale.db"),
                    "import", Examples.COMPLETED.toString());

            assertThat(imported.code()).as(imported.err()).isZero();
        } finally {
            Files.write(library, good);
        }
    }

    private static Path assumeTheLibraryWasInstalled() {
        Path library = tdn.resolveSibling("../lib/native/" + System.mapLibraryName("sqlitejdbc")).normalize();
        Assumptions.assumeTrue(Files.exists(library), "sqlite-jdbc ships no library for this platform");
        return library;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command));
        pb.environment().putAll(env);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("TDN_HOME", install.resolve("home").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
