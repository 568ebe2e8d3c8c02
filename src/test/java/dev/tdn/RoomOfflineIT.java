package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.TdnProcess.Result;
import dev.tdn.store.PostgresServer;

/**
 * A treatment room whose clinic server goes down mid-day: the session in progress ends as
 * always, keeps its record file, says in one line that it was not imported, and the room's
 * sessions folder is the outbox that an import (the room's timer) sends once the server is back.
 */
class RoomOfflineIT {

    @TempDir
    Path home;

    private Conversation session(Map<String, String> env, String patient) throws Exception {
        Conversation c = Conversation.start(e -> {
            e.put("TDN_HOME", home.toString());
            e.putAll(env);
        }, "session", "-p", patient, "-c", "pt-1");
        return c.answer("Informed consent confirmed?", "y").answer("scope of practice", "y").answer("Screening 1-15", "1");
    }

    private List<Path> recordFiles() throws Exception {
        try (Stream<Path> files = Files.list(home.resolve("sessions"))) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    @Test
    void aSessionWhileTheServerIsDownKeepsItsRecordAndTheNextImportSendsIt() throws Exception {
        assumeTrue(PostgresServer.binaries().isPresent(), "PostgreSQL server binaries (Debian's postgresql)");
        PostgresServer server = PostgresServer.shared();
        String url = server.url(server.freshDatabase("room"));
        Map<String, String> env = Map.of("TDN_STORE", url, "PGPASSFILE", server.passfile().toString());

        String morning;
        try (Conversation c = session(env, "MRN-1")) {
            assertThat(c.exit()).isZero();
            morning = c.rest();
        }
        String offline;
        int offlineExit;
        long took;
        server.stop();
        try {
            long t0 = System.nanoTime();
            try (Conversation c = session(env, "MRN-2")) {
                offlineExit = c.exit();
                offline = c.rest();
            }
            took = (System.nanoTime() - t0) / 1_000_000;
        } finally {
            server.restart();
        }
        Result sync = TdnProcess.runIn(home, env, new byte[0], "import", home.resolve("sessions").toString());
        Result again = TdnProcess.runIn(home, env, new byte[0], "import", home.resolve("sessions").toString());

        assertThat(morning).contains("Imported into the clinic store.");
        assertThat(offlineExit).as(offline).isZero();
        List<String> said = offline.lines().filter(l -> l.contains("not imported")).toList();
        assertThat(said).hasSize(1);
        assertThat(said.get(0)).contains("the record is safe in " + home.resolve("sessions"))
                .contains("postgresql://127.0.0.1:" + server.port() + "/").contains("tdn import ")
                .doesNotContain(server.password()).doesNotContain("Exception");
        assertThat(offline).doesNotContain("Imported into the clinic store.");
        // the whole session, prompts included, far below a minute: the unreachable server costs seconds at most
        assertThat(took).isLessThan(30_000);
        assertThat(recordFiles()).hasSize(2);
        assertThat(sync.exitCode()).as(sync.err()).isZero();
        assertThat(sync.err()).contains("1 imported, 1 already present");
        assertThat(again.err()).contains("0 imported, 2 already present");
    }

    @Test
    void theRoomsSyncExampleSendsTheOutboxAndLogsOneLine() throws Exception {
        Path sessions = Files.createDirectories(home.resolve("sessions"));
        Files.copy(Examples.COMPLETED, sessions.resolve(Examples.COMPLETED.getFileName()));
        Path tdn = Files.writeString(home.resolve("tdn"), "#!/bin/sh\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
                + Path.of(System.getProperty("tdn.jar", "target/tdn.jar")).toAbsolutePath() + "' \"$@\"\n");
        tdn.toFile().setExecutable(true);

        int first = sync(tdn);
        int second = sync(tdn);

        assertThat(first).isZero();
        assertThat(second).isZero();
        List<String> log = Files.readAllLines(home.resolve("log/import.log"));
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).contains("exit=0").contains("imported=1");
        assertThat(log.get(1)).contains("alreadyPresent=1");
        assertThat(String.join("\n", log)).doesNotContain("MRN-");
    }

    private int sync(Path tdn) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "examples/cron-import.sh", home.resolve("sessions").toString(),
                home.resolve("log").toString())
                .directory(Path.of(System.getProperty("tdn.repo", ".")).toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TDN_HOME", home.toString());
        pb.environment().put("TDN", tdn.toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
