package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A nightly import of a rooms folder in which one room's folder cannot be read. Root reads every
 * folder whatever its mode, and CI runs as root: there the released tdn runs as {@code nobody}
 * (runuser), as a clinic's import account would, so the refusal is the kernel's, not a simulation.
 */
class UnreadableFolderIT {

    static Path dir;
    static Path tdn;
    static boolean asRoot;

    @BeforeAll
    static void unpackTheReleaseWhereAnotherAccountCanRunIt() throws Exception {
        asRoot = "root".equals(System.getProperty("user.name"));
        dir = Files.createTempDirectory("tdn-unreadable");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path tarball = Path.of("target", "tdn-" + System.getProperty("tdn.version", "0.1.0") + ".tar.gz");
        assertThat(run(false, "tar", "-xzf", tarball.toAbsolutePath().toString(), "-C", dir.toString()).code()).isZero();
        tdn = dir.resolve("tdn-" + System.getProperty("tdn.version", "0.1.0")).resolve("bin/tdn");

        Path rooms = dir.resolve("rooms");
        Files.createDirectories(rooms.resolve("room-1"));
        Files.createDirectories(rooms.resolve("room-2"));
        Files.createDirectories(rooms.resolve("room-3"));
        Files.copy(Examples.COMPLETED, rooms.resolve("room-1").resolve(Examples.COMPLETED.getFileName()));
        Files.copy(Examples.NOT_DONE, rooms.resolve("room-3").resolve(Examples.NOT_DONE.getFileName()));
        Files.copy(Examples.ABORTED, rooms.resolve("room-2").resolve(Examples.ABORTED.getFileName()));
        if (asRoot) {
            assertThat(run(false, "chown", "-R", "nobody", dir.toString()).code()).isZero();
        }
        Files.setPosixFilePermissions(rooms.resolve("room-2"), PosixFilePermissions.fromString("---------"));
    }

    @AfterAll
    static void removeIt() throws IOException {
        Files.setPosixFilePermissions(dir.resolve("rooms/room-2"), PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void theUnreadableRoomIsNamedTheOthersAreImportedAndTheImportExits74() throws Exception {
        String store = "jdbc:sqlite:" + dir.resolve("clinic.db");

        Run imported = run(true, tdn.toString(), "--store", store, "import", dir.resolve("rooms").toString());
        Run list = run(true, tdn.toString(), "--store", store, "list");

        assertThat(imported.code()).as(imported.err()).isEqualTo(ExitCode.IO_ERR);
        assertThat(imported.err())
                .contains(dir.resolve("rooms/room-2") + ": cannot be read: permission denied")
                .doesNotContain(dir.resolve("rooms") + ": ")
                .doesNotContain("Exception");
        assertThat(imported.err()).contains("2 imported");
        assertThat(list.out()).contains("3f1c2a9e", "c4d5e6f7").doesNotContain("8b0e5f1c");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(boolean asTdnUser, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asTdnUser && asRoot) {
            line.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        line.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(line);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("TDN_HOME", dir.resolve("home").toString());
        pb.directory(dir.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
