package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.TdnProcess.Result;
import dev.tdn.store.Batches;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The store as clinics' scripts use it: several imports at once, and an import killed mid-way. */
class StoreProcessIT {

    @TempDir
    Path home;

    Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("tdn.jar", "target/tdn.jar")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TDN_HOME", home.toString());
        return pb.start();
    }

    /** Read beside the running import, as WAL allows. */
    int committed() {
        Path db = home.resolve("tdn.db");
        if (!java.nio.file.Files.exists(db)) {
            return 0;
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM sessions")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (java.sql.SQLException notYet) {
            return 0;
        }
    }

    Set<String> storedIds() throws Exception {
        Result r = TdnProcess.runIn(home, "list", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Set<String> ids = new HashSet<>();
        JsonNode list = JsonMapper.shared().readTree(r.out());
        list.forEach(n -> assertThat(ids.add(n.get("id").asString())).as("stored twice").isTrue());
        return ids;
    }

    @Test
    void fourRoomsImportingOverlappingFoldersAtOnceStoreEveryRecordOnce() throws Exception {
        // rooms share half their records with the next room
        for (int room = 0; room < 4; room++) {
            Batches.write(home.resolve("room-" + room), room * 100, 200);
        }
        List<Process> imports = new ArrayList<>();
        for (int room = 0; room < 4; room++) {
            imports.add(start("import", home.resolve("room-" + room).toString()));
        }
        for (Process p : imports) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("no import may fail, e.g. with database is locked").isZero();
        }

        assertThat(storedIds()).hasSize(500);
    }

    @Test
    void anImportKilledMidwayLeavesAConsistentStoreAndARerunCompletesIt() throws Exception {
        Batches.write(home.resolve("big"), 0, 6000);
        Process p = start("import", home.resolve("big").toString());
        // once the first batch is committed, and well before the last, kill -9
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && committed() == 0) {
            Thread.sleep(10);
        }
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);

        int afterKill = storedIds().size();
        Result rerun = TdnProcess.runIn(home, "import", home.resolve("big").toString());

        assertThat(afterKill).as("killed between batches").isBetween(1, 5999);
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.err()).contains((6000 - afterKill) + " imported, " + afterKill + " already present");
        assertThat(storedIds()).hasSize(6000);
    }

    @Test
    void memoryDoesNotGrowWithTheBatch() throws Exception {
        // 4,000 records of ~8 KB are ~32 MB of NDJSON and several times that as trees: they fit
        // in 64 MB only if they stream through one chunk at a time
        Path ndjson = home.resolve("batch.ndjson");
        try (var w = java.nio.file.Files.newBufferedWriter(ndjson)) {
            for (int i = 0; i < 4000; i++) {
                w.write(Batches.line(i));
                w.newLine();
            }
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-jar", System.getProperty("tdn.jar", "target/tdn.jar"), "import", ndjson.toString())
                .redirectErrorStream(true);
        pb.environment().put("TDN_HOME", home.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("4000 imported");
    }

    @Test
    void theCronExampleImportsLogsAndFailsOnRejects() throws Exception {
        Path rooms = java.nio.file.Files.createDirectories(home.resolve("rooms/room-1"));
        java.nio.file.Files.copy(Examples.COMPLETED, rooms.resolve("a.json"));
        java.nio.file.Files.copy(Examples.INVALID.resolve("window-order.json"), rooms.resolve("b.json"));
        Path tdn = java.nio.file.Files.writeString(home.resolve("tdn"), "#!/bin/sh\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
                + Path.of(System.getProperty("tdn.jar", "target/tdn.jar")).toAbsolutePath() + "' \"$@\"\n");
        tdn.toFile().setExecutable(true);

        int first = cron(home.resolve("rooms"), home.resolve("log"), tdn);
        java.nio.file.Files.delete(rooms.resolve("b.json"));
        int second = cron(home.resolve("rooms"), home.resolve("log"), tdn);

        assertThat(first).isEqualTo(ExitCode.DATA_ERR);
        assertThat(second).isZero();
        List<String> log = java.nio.file.Files.readAllLines(home.resolve("log/import.log"));
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).contains("exit=65").contains("imported=1").contains("rejected=1");
        assertThat(log.get(1)).contains("exit=0").contains("alreadyPresent=1");
        assertThat(String.join("\n", log)).doesNotContain("MRN-");
    }

    int cron(Path rooms, Path log, Path tdn) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "examples/cron-import.sh", rooms.toString(), log.toString())
                .directory(Path.of(System.getProperty("tdn.repo", ".")).toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TDN_HOME", home.toString());
        pb.environment().put("TDN", tdn.toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void aSessionImportsItsRecordIntoTheStore() throws Exception {
        try (Conversation c = Conversation.start(home, "session", "-p", "MRN-7", "-c", "pt-1")) {
            c.answer("Informed consent confirmed?", "y").answer("scope of practice", "y").answer("Screening 1-15", "1");
            assertThat(c.exit()).isZero();
            assertThat(c.rest()).contains("Imported into the clinic store.");
        }
        assertThat(storedIds()).hasSize(1);
    }
}
