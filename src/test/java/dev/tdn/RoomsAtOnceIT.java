package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.TdnProcess.Result;
import dev.tdn.record.RecordText;
import dev.tdn.store.Batches;
import dev.tdn.store.PostgresServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Eight tdn processes at once on one clinic store, as a clinic's rooms and scripts meet it:
 * scripts importing overlapping folders, a room importing the session it just ended, and one
 * importing a record that conflicts with a stored one. Every record is stored once, the
 * conflict is reported as a conflict, nothing fails with a lock or a serialization error, and
 * the audit trail is one unbroken chain. Once on SQLite, once on a real PostgreSQL server.
 */
class RoomsAtOnceIT {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private Process start(String url, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("tdn.jar", "target/tdn.jar"), "--store", url));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TDN_HOME", home.toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    private void eightAtOnce(String url) throws Exception {
        // four scripts: rooms' folders of 300 records, each sharing 150 with the next
        for (int room = 0; room < 4; room++) {
            Batches.write(home.resolve("room-" + room), room * 150, 300);
        }
        // three rooms ending a session: each imports its one record as a session's end does
        List<Path> ended = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path record = home.resolve("ended-" + i + ".json");
            Files.writeString(record, Batches.line(10_000 + i));
            ended.add(record);
        }
        // and one whose record has the id of a record a script brings, with other content
        Path clash = home.resolve("clash.json");
        String takenId = JsonMapper.shared().readTree(Batches.line(0)).get("id").asString();
        Files.writeString(clash, RecordText.compact(Examples.COMPLETED, r -> r.put("id", takenId).put("notes", "other")));

        List<Process> all = new ArrayList<>();
        for (int room = 0; room < 4; room++) {
            all.add(start(url, "import", "--json", home.resolve("room-" + room).toString()));
        }
        for (Path record : ended) {
            all.add(start(url, "import", "--json", record.toString()));
        }
        all.add(start(url, "import", "--json", clash.toString()));

        int imported = 0;
        int present = 0;
        int conflicts = 0;
        for (Process p : all) {
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(out).doesNotContain("SQLITE_BUSY").doesNotContain("locked").doesNotContain("deadlock")
                    .doesNotContain("serializ").doesNotContain("Exception");
            JsonNode report = JsonMapper.shared().readTree(out.substring(out.indexOf('{')));
            imported += report.get("imported").asInt();
            present += report.get("alreadyPresent").asInt();
            for (JsonNode problem : report.get("problems")) {
                assertThat(problem.get("rule").asString()).isEqualTo("conflict");
                conflicts++;
            }
            assertThat(p.exitValue()).as(out).isIn(ExitCode.OK, ExitCode.DATA_ERR);
        }

        // 4 x 300 with 3 x 150 shared is 750 records, the three rooms' 3; the clash's id is one of them
        assertThat(imported).isEqualTo(753);
        assertThat(present).isEqualTo(3 * 150);
        assertThat(conflicts).as("the clash, whether it came before or after the script's record").isEqualTo(1);
        Result list = TdnProcess.runIn(home, env, new byte[0], "--store", url, "list", "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        Set<String> ids = new HashSet<>();
        JsonMapper.shared().readTree(list.out()).forEach(n -> assertThat(ids.add(n.get("id").asString())).isTrue());
        assertThat(ids).hasSize(753);
        Result verify = TdnProcess.runIn(home, env, new byte[0], "--store", url, "audit", "verify");
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("the trail is intact");
    }

    @Test
    void eightProcessesAtOnceOnOneSqliteFile() throws Exception {
        eightAtOnce("jdbc:sqlite:" + home.resolve("clinic.db"));
    }

    @Test
    void eightProcessesAtOnceOnOnePostgresqlStore() throws Exception {
        assumeTrue(PostgresServer.binaries().isPresent(), "PostgreSQL server binaries (Debian's postgresql)");
        PostgresServer server = PostgresServer.shared();
        env.put("PGPASSFILE", server.passfile().toString());
        eightAtOnce(server.url(server.freshDatabase("rooms")));
    }
}
