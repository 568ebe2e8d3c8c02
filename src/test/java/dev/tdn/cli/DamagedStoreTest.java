package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import dev.tdn.store.Damage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A damaged stored session never blocks the others: export and report write everything else,
 * name the damaged one by id only and exit 74; store check lists it; store repair puts it back
 * from its record file.
 */
class DamagedStoreTest {

    /** The completed example session, the one damaged here. */
    private static final String DAMAGED = "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44";
    private static final String ABORTED = "8b0e5f1c-2d4a-4c7e-a1b9-5e6f7a8b9c0d";
    private static final String NOT_DONE = "c4d5e6f7-0a1b-4c2d-8e3f-9a0b1c2d3e4f";
    /** What the damaged row holds: it must never reach any output. */
    private static final String SECRET = "MRN-SECRET-77";

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    @BeforeEach
    void aStoreWithTheExamples() {
        assertThat(TdnRunner.run("import", Examples.SESSIONS.toString()).exitCode()).isZero();
    }

    private Path db() {
        return home.resolve("tdn.db");
    }

    private static void namesOnlyTheDamagedId(Result r, String command) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.IO_ERR);
        assertThat(r.err()).contains("tdn " + command + ": session " + DAMAGED
                + " in the store is damaged: it no longer matches what was imported; see 'tdn store check'");
        assertThat(r.out() + r.err()).doesNotContain(SECRET).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void exportWritesEveryOtherSessionInEachFormatAndNamesTheDamagedOne() throws Exception {
        Damage.editPatient(db(), "3f1c", SECRET);

        Result ndjson = TdnRunner.run("export", "--format", "ndjson");
        namesOnlyTheDamagedId(ndjson, "export");
        assertThat(ndjson.out().lines()).hasSize(2).noneMatch(l -> l.contains(DAMAGED));
        assertThat(ndjson.out()).contains(ABORTED).contains(NOT_DONE);

        Result csv = TdnRunner.run("export", "--format", "csv");
        namesOnlyTheDamagedId(csv, "export");
        // the header, the aborted session's one point, the not-done session's row without points
        assertThat(csv.out().lines()).hasSize(3).noneMatch(l -> l.contains(DAMAGED));

        Result fhir = TdnRunner.run("export", "--format", "fhir");
        namesOnlyTheDamagedId(fhir, "export");
        JsonNode bundle = JsonMapper.shared().readTree(fhir.out());
        assertThat(bundle.get("entry")).filteredOn(e -> e.get("resource").get("resourceType").asString().equals("Procedure"))
                .hasSize(2);
        assertThat(fhir.out()).doesNotContain(DAMAGED).contains(ABORTED).contains(NOT_DONE);
    }

    @Test
    void anExportToAFileIsWrittenWholeWithoutTheDamagedSession() throws Exception {
        Damage.replaceRecord(db(), "3f1c", "{\"patient\": {\"id\": \"" + SECRET + "\"}}");
        Path file = home.resolve("out.ndjson");

        Result r = TdnRunner.run("export", "--format", "ndjson", "-o", file.toString());

        namesOnlyTheDamagedId(r, "export");
        assertThat(r.err()).contains("2 session(s) written");
        assertThat(Files.readAllLines(file)).hasSize(2).noneMatch(l -> l.contains(DAMAGED));
    }

    @Test
    void reportCountsTheOthersAndNamesTheDamagedOne() throws Exception {
        Damage.editPatient(db(), "3f1c", SECRET);

        Result json = TdnRunner.run("report", "adherence", "--json");
        namesOnlyTheDamagedId(json, "report");
        assertThat(JsonMapper.shared().readTree(json.out()).get("sessions").asInt()).isEqualTo(2);

        Result table = TdnRunner.run("report", "billing");
        namesOnlyTheDamagedId(table, "report");
        assertThat(table.out()).isNotEmpty();
    }

    @Test
    void everyDamagedSessionIsNamedOnItsOwnLine() throws Exception {
        Damage.editPatient(db(), "3f1c", SECRET);
        Damage.replaceRecord(db(), "c4d5", "not json " + SECRET);

        Result r = TdnRunner.run("export", "--format", "ndjson");

        assertThat(r.exitCode()).isEqualTo(ExitCode.IO_ERR);
        assertThat(r.err().lines().filter(l -> l.startsWith("tdn export: session "))).hasSize(2);
        assertThat(r.err()).contains(DAMAGED).contains(NOT_DONE).doesNotContain(SECRET);
        assertThat(r.out().lines()).hasSize(1).allMatch(l -> l.contains(ABORTED));
    }

    @Test
    void showOfADamagedSessionExits74() throws Exception {
        Damage.editPatient(db(), "3f1c", SECRET);

        namesOnlyTheDamagedId(TdnRunner.run("show", "3f1c2a9e"), "show");
        namesOnlyTheDamagedId(TdnRunner.run("show", "--json", DAMAGED), "show");
        assertThat(TdnRunner.run("show", "8b0e5f1c").exitCode()).isZero();
    }

    @Test
    void storeCheckListsTheDamagedSessionsAndExits74() throws Exception {
        Damage.editPatient(db(), "3f1c", SECRET);

        Result plain = TdnRunner.run("store", "check");
        assertThat(plain.exitCode()).as(plain.err()).isEqualTo(ExitCode.IO_ERR);
        assertThat(plain.out()).contains("3 stored session(s) checked: 1 damaged")
                .contains("damaged  " + DAMAGED + "  row ")
                .contains("record file 2026-11-26_" + DAMAGED + ".json");
        assertThat(plain.err()).contains("tdn store repair");
        assertThat(plain.out() + plain.err()).doesNotContain(SECRET);

        Result json = TdnRunner.run("store", "check", "--json");
        assertThat(json.exitCode()).isEqualTo(ExitCode.IO_ERR);
        JsonNode report = JsonMapper.shared().readTree(json.out());
        assertThat(report.get("checked").asInt()).isEqualTo(3);
        assertThat(report.get("exitCode").asInt()).isEqualTo(ExitCode.IO_ERR);
        assertThat(report.get("damaged")).hasSize(1);
        JsonNode damaged = report.get("damaged").get(0);
        assertThat(damaged.get("id").asString()).isEqualTo(DAMAGED);
        assertThat(damaged.get("row").asLong()).isPositive();
        assertThat(damaged.get("recordFile").asString()).isEqualTo(Examples.COMPLETED.getFileName().toString());
        assertThat(json.out()).doesNotContain(SECRET);
    }

    @Test
    void storeCheckOfACleanStoreExits0() {
        Result plain = TdnRunner.run("store", "check");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("3 stored session(s) checked: none damaged");

        Result json = TdnRunner.run("store", "check", "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(JsonMapper.shared().readTree(json.out()).get("damaged")).isEmpty();
    }

    @Test
    void repairFromTheRecordFilePutsTheSessionBack() throws Exception {
        Damage.editPatient(db(), "3f1c", SECRET);

        Result r = TdnRunner.run("store", "repair", Examples.COMPLETED.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 repaired, 0 already intact").doesNotContain("still in the store");
        assertThat(TdnRunner.run("store", "check").exitCode()).isZero();
        Result export = TdnRunner.run("export", "--format", "ndjson");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out().lines()).hasSize(3);
        assertThat(TdnRunner.run("show", "--json", DAMAGED).out()).isEqualTo(Examples.read(Examples.COMPLETED));
    }

    @Test
    void repairFromAFolderTouchesOnlyTheDamagedSession() throws Exception {
        Damage.editPatient(db(), "3f1c", SECRET);

        Result r = TdnRunner.run("store", "repair", "--json", Examples.SESSIONS.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = JsonMapper.shared().readTree(r.out());
        assertThat(report.get("repaired").asInt()).isEqualTo(1);
        assertThat(report.get("alreadyIntact").asInt()).isEqualTo(2);
        assertThat(report.get("stillDamaged").asInt()).isZero();
        assertThat(r.out()).doesNotContain(SECRET);
    }

    @Test
    void repairLeavesAnIntactSessionAloneUnlessForced() throws Exception {
        // the same id with other content: the stored one is intact, so it is not repair's to replace
        Path other = home.resolve("other.json");
        Files.writeString(other, Examples.read(Examples.COMPLETED).replace("Tolerated well.", "Tolerated well, edited."));

        Result alone = TdnRunner.run("store", "repair", other.toString());
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        assertThat(alone.err()).contains("1 left alone").contains("--force");
        assertThat(TdnRunner.run("show", "--json", DAMAGED).out()).doesNotContain("edited");

        Result forced = TdnRunner.run("store", "repair", "--force", other.toString());
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.err()).contains("1 replaced");
        assertThat(TdnRunner.run("show", "--json", DAMAGED).out()).contains("edited");
    }

    @Test
    void repairAddsNoSessionThatIsNotStored() throws Exception {
        Path single = home.resolve("single.db");
        assertThat(TdnRunner.run("--store", "jdbc:sqlite:" + single, "import", Examples.ABORTED.toString())
                .exitCode()).isZero();

        Result r = TdnRunner.run("--store", "jdbc:sqlite:" + single, "store", "repair", Examples.COMPLETED.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 not in the store");
        assertThat(TdnRunner.run("--store", "jdbc:sqlite:" + single, "list", "--json").out()).doesNotContain(DAMAGED);
    }

    @Test
    void importOverADamagedSessionIsRefusedAsDamagedInStore() throws Exception {
        Damage.editPatient(db(), "3f1c", SECRET);

        for (String[] args : new String[][] {{"import", Examples.COMPLETED.toString()},
            {"import", "--replace", Examples.COMPLETED.toString()}}) {
            Result r = TdnRunner.run(args);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.DATA_ERR);
            assertThat(r.out()).contains("[damaged-in-store]").contains("tdn store repair");
            assertThat(r.out() + r.err()).doesNotContain(SECRET);
        }
        assertThat(TdnRunner.run("store", "check").exitCode()).isEqualTo(ExitCode.IO_ERR);
    }

    @Test
    void trainingRecordsRepairOnlyWithAllowTraining() throws Exception {
        Path training = home.resolve("training.json");
        Files.writeString(training, Examples.read(Examples.ABORTED).replace("\"training\": false", "\"training\": true"));
        Path db = home.resolve("training.db");
        String store = "jdbc:sqlite:" + db;
        assertThat(TdnRunner.run("--store", store, "import", "--allow-training", training.toString()).exitCode()).isZero();
        Damage.editPatient(db, "8b0e", SECRET);

        Result refused = TdnRunner.run("--store", store, "store", "repair", training.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(refused.out()).contains("[training-record]");

        Result repaired = TdnRunner.run("--store", store, "store", "repair", "--allow-training", training.toString());
        assertThat(repaired.exitCode()).as(repaired.err()).isZero();
        assertThat(repaired.err()).contains("1 repaired");
    }

    @Test
    void checkAndRepairNeedAStore() {
        String typo = "jdbc:sqlite:" + home.resolve("typo/tdn.db");

        assertThat(TdnRunner.run("--store", typo, "store", "check").exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(TdnRunner.run("--store", typo, "store", "repair", Examples.COMPLETED.toString()).exitCode())
                .isEqualTo(ExitCode.NO_INPUT);
        assertThat(home.resolve("typo")).doesNotExist();
    }
}
