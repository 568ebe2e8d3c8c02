package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import dev.tdn.record.RecordText;
import dev.tdn.store.Batches;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** import, list and show against a real SQLite file in a temporary home. */
class ImportCommandTest {

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    JsonNode listJson(String... filters) {
        String[] args = new String[filters.length + 2];
        args[0] = "list";
        args[1] = "--json";
        System.arraycopy(filters, 0, args, 2, filters.length);
        Result r = TdnRunner.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JsonMapper.shared().readTree(r.out());
    }

    @Test
    void importingTwiceIsIdempotent() {
        Result first = TdnRunner.run("import", Examples.SESSIONS.toString());
        Result again = TdnRunner.run("import", Examples.SESSIONS.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(first.err()).contains("3 imported, 0 already present, 0 replaced, 0 rejected");
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).contains("0 imported, 3 already present");
        assertThat(listJson()).hasSize(3);
    }

    @Test
    void theStoreIsPrivateAndWalWithFullSync() throws Exception {
        TdnRunner.run("import", Examples.COMPLETED.toString());

        Path db = home.resolve("tdn.db");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement();
                var rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void validRecordsAreCommittedEvenWhenOthersAreRejected() throws Exception {
        Path batch = Files.createDirectories(home.resolve("batch"));
        Files.copy(Examples.COMPLETED, batch.resolve("a.json"));
        Files.copy(Examples.INVALID.resolve("needles-balanced.json"), batch.resolve("b.json"));
        Files.copy(Examples.NOT_DONE, batch.resolve("c.json"));

        Result r = TdnRunner.run("import", batch.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.out()).contains("b.json:").contains("[needles-balanced]").doesNotContain("MRN-");
        assertThat(r.err()).contains("2 imported, 0 already present, 0 replaced, 1 rejected");
        assertThat(listJson()).hasSize(2);
    }

    @Test
    void theSameIdWithOtherContentIsAConflictUnlessReplaced() throws Exception {
        TdnRunner.run("import", Examples.COMPLETED.toString());
        Path changed = Files.writeString(home.resolve("changed.json"),
                RecordText.edited(Examples.COMPLETED, t -> t.put("notes", "Corrected note.")));

        Result conflict = TdnRunner.run("import", changed.toString());
        assertThat(conflict.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(conflict.out()).contains("[conflict]").contains("--replace");

        Result replaced = TdnRunner.run("import", "--replace", changed.toString());
        assertThat(replaced.exitCode()).isZero();
        assertThat(replaced.err()).contains("1 replaced");
        Result shown = TdnRunner.run("show", "--json", "3f1c2a9e");
        assertThat(shown.out()).isEqualTo(Files.readString(changed));
    }

    @Test
    void reformattedButIdenticalContentIsAlreadyPresent() throws Exception {
        TdnRunner.run("import", Examples.COMPLETED.toString());
        Path compact = Files.writeString(home.resolve("compact.json"), RecordText.compact(Examples.COMPLETED, t -> { }));

        Result r = TdnRunner.run("import", compact.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("1 already present");
    }

    @Test
    void trainingRecordsNeedAllowTraining() throws Exception {
        Path training = Files.writeString(home.resolve("t.json"),
                RecordText.edited(Examples.COMPLETED, t -> t.put("training", true)));

        Result refused = TdnRunner.run("import", training.toString());
        Result allowed = TdnRunner.run("import", "--allow-training", training.toString());

        assertThat(refused.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(refused.out()).contains("[training-record]");
        assertThat(allowed.exitCode()).isZero();
        assertThat(listJson().get(0).get("training").asBoolean()).isTrue();
    }

    @Test
    void aDryRunWritesNothing() throws Exception {
        Result dry = TdnRunner.run("import", "--dry-run", Examples.SESSIONS.toString());

        assertThat(dry.exitCode()).isZero();
        assertThat(dry.err()).contains("dry run, nothing written: 3 imported");
        assertThat(Files.exists(home.resolve("tdn.db"))).isFalse();

        TdnRunner.run("import", Examples.COMPLETED.toString());
        TdnRunner.run("import", "--dry-run", Examples.SESSIONS.toString());
        assertThat(listJson()).hasSize(1);
    }

    @Test
    void ndjsonOnStdinWithAnInvalidLineAndATornLastLine() throws Exception {
        String torn = Batches.line(3);
        String stdin = Batches.line(1) + "\n" + RecordText.compact(Examples.COMPLETED, t -> t.put("painAfter", 11))
                + "\n" + Batches.line(2) + "\n" + torn.substring(0, torn.length() / 3);

        Result r = TdnRunner.runWithInput(stdin, "import", "--json", "-");

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        JsonNode report = JsonMapper.shared().readTree(r.out());
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        assertThat(report.at("/problems/0/file").asString()).isEqualTo("<stdin>");
        assertThat(report.at("/problems/0/line").asInt()).isEqualTo(2);
        assertThat(report.at("/problems/1/rule").asString()).isEqualTo("malformed-json");
        assertThat(listJson()).hasSize(2);
    }

    @Test
    void aMissingInputExits66AfterImportingTheRest() {
        Result r = TdnRunner.run("import", Examples.COMPLETED.toString(), home.resolve("nope").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(listJson()).hasSize(1);
    }

    @Test
    void aStoreThatWillNotOpenFailsTheImportWhateverItsInputsAndIsLeftAlone() throws Exception {
        // the store opens while the first records are read and checked: its failure still ends
        // the import as it did when the store was opened first, with no report of records
        byte[] notADatabase = new byte[8192];
        new java.util.Random(74).nextBytes(notADatabase);
        Path db = home.resolve("tdn.db");
        Files.write(db, notADatabase);
        String invalid = home.resolve("invalid.json").toString();
        Files.writeString(Path.of(invalid), "{\"schemaVersion\": 1}");

        for (Result r : java.util.List.of(
                TdnRunner.run("import", Examples.SESSIONS.toString()),
                TdnRunner.run("import", "--json", Examples.COMPLETED.toString(), home.resolve("nope").toString()),
                TdnRunner.run("import", invalid),
                TdnRunner.run("import", "--dry-run", Examples.SESSIONS.toString()),
                TdnRunner.runWithInput(RecordText.compact(Examples.COMPLETED, r -> { }) + "\n", "import", "-"))) {
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.IO_ERR);
            assertThat(r.err()).contains("tdn import: cannot open the store").doesNotContain("imported").doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(notADatabase);
    }

    @Test
    void listFiltersAndOrdersNewestFirst() throws Exception {
        TdnRunner.run("import", Examples.SESSIONS.toString());

        assertThat(listJson()).extracting(n -> n.get("status").asString()).containsExactly("not-done", "aborted", "completed");
        assertThat(listJson("--patient", "MRN-12345")).singleElement()
                .satisfies(n -> assertThat(n.get("points").asInt()).isEqualTo(2));
        assertThat(listJson("--status", "aborted")).hasSize(1);
        assertThat(listJson("--clinician", "pt-0042")).hasSize(2);
        assertThat(listJson("--since", "2026-11-27T00:00:00-06:00")).hasSize(1);
        assertThat(listJson("--until", "2026-11-26T15:00:00-06:00")).hasSize(1);
        assertThat(listJson("--limit", "2")).hasSize(2);

        Result table = TdnRunner.run("list");
        assertThat(table.out().lines()).hasSize(4).allMatch(l -> l.length() <= 80);
        assertThat(table.out()).contains("3f1c2a9e").contains("MRN-12345").contains("20560");
    }

    @Test
    void theTableShowsTheNewest50UnlessAllIsAsked() throws Exception {
        Batches.write(home.resolve("many"), 0, 60);
        TdnRunner.run("import", home.resolve("many").toString());

        assertThat(TdnRunner.run("list").out().lines()).hasSize(51);
        assertThat(TdnRunner.run("list", "--all").out().lines()).hasSize(61);
        assertThat(listJson()).hasSize(60);
    }

    @Test
    void showFindsBySafePrefixOnly() throws Exception {
        TdnRunner.run("import", Examples.SESSIONS.toString());

        Result shown = TdnRunner.run("show", "8b0e");
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).contains("aborted").contains("gluteus medius").contains("below-minimum")
                .contains("patient asked to stop");
        assertThat(TdnRunner.run("show", "ffff").exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(TdnRunner.run("show", "3f1").exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(TdnRunner.run("show", "--json", "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44").out())
                .isEqualTo(Examples.read(Examples.COMPLETED));
    }

    @Test
    void showMarksAMuscleNameTheCatalogueDidNotList() throws Exception {
        Files.writeString(home.resolve("f.json"), RecordText.edited(Examples.COMPLETED, t -> {
            RecordText.point(t, 0).put("muscleOf", "trapezius").put("listed", true);
            RecordText.point(t, 1).put("muscle", "Obliquus capitis inferior").put("muscleOf", "obliquus capitis inferior")
                    .put("listed", false);
        }));
        TdnRunner.run("import", home.resolve("f.json").toString());

        String shown = TdnRunner.run("show", "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44").out();

        assertThat(shown).contains("point 1     upper trapezius, left")
                .contains("point 2     Obliquus capitis inferior (not in the muscle catalogue), right");
    }

    @Test
    void anAmbiguousPrefixSaysSo() throws Exception {
        for (String id : new String[] {"abcd1111-6b1d-4d8e-9f3a-0c2b1e7d5a44", "abcd2222-6b1d-4d8e-9f3a-0c2b1e7d5a44"}) {
            Files.writeString(home.resolve(id + ".json"), RecordText.edited(Examples.COMPLETED, t -> t.put("id", id)));
        }
        TdnRunner.run("import", home.toString());

        Result r = TdnRunner.run("show", "abcd");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("more than one session");
    }
}
