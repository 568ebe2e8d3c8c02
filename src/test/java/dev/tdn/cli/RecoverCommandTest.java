package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import dev.tdn.journal.Journal;
import dev.tdn.journal.JournalHeader;
import dev.tdn.journal.JournaledSession;
import dev.tdn.journal.Recovery;
import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;
import dev.tdn.record.RecordFile;
import dev.tdn.record.Side;
import dev.tdn.record.Technique;
import dev.tdn.session.Input;
import dev.tdn.session.ManualTicker;
import dev.tdn.session.Protocols;
import dev.tdn.session.Session;
import dev.tdn.session.SessionSetup;

/** tdn recover as a clinician meets it after a crash: into the store, needles named, nothing blocking, nothing lost. */
class RecoverCommandTest {

    static final String ID = "3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44";
    static final String OTHER = "8b0e5f1c-2d4a-4c7e-a1b9-5e6f7a8b9c0d";

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    Path journals() {
        return home.resolve("journal");
    }

    List<Path> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** A session killed with a needle in: its journal, as a real one leaves it. */
    JournaledSession interrupted(String id, boolean training) throws Exception {
        SessionSetup setup = new SessionSetup(id, new Clinician("pt-1", null, null), new Patient("MRN-1"),
                Protocols.STANDARD, Protocols.STANDARD.needle(), training, "0.1.0");
        ManualTicker ticker = new ManualTicker();
        Session session = Session.start(setup, Clock.systemDefaultZone(), ticker);
        JournaledSession run = new JournaledSession(session,
                Journal.create(journals(), JournalHeader.of(setup, session.startedAt())));
        run.accept(new Input.Consent(true));
        run.accept(new Input.Scope(true));
        for (var item : Protocols.STANDARD.screening()) {
            run.accept(new Input.ScreeningAnswered(item.id(), false));
        }
        run.accept(new Input.PainBefore(5));
        for (var item : Protocols.STANDARD.sitePrep()) {
            run.accept(new Input.SitePrepChecked(item.id()));
        }
        run.accept(new Input.PointIdentified("upper trapezius", Side.LEFT, null, true, false));
        ticker.advanceSeconds(5);
        run.accept(new Input.NeedleInserted(Technique.DYNAMIC, 10, 1, false));
        run.journal().close();
        return run;
    }

    @Test
    void aRecoveredSessionIsImportedAndItsNeedleIsNamed() throws Exception {
        interrupted(ID, false);

        Result r = TdnRunner.run("recover");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Recovered").contains("Imported into the clinic store.")
                .contains("NEEDLES NOT RECORDED AS REMOVED: 1 (points 1). Remove and count them before the patient leaves.");
        Result list = TdnRunner.run("list");
        assertThat(list.out()).contains("3f1c2a9e").contains("recovered");
        Result show = TdnRunner.run("show", ID);
        assertThat(show.out()).contains("NEEDLES NOT RECORDED AS REMOVED: 1 (points 1).");
        // the recovered session's import is in the audit trail, by whoever ran recover
        tools.jackson.databind.JsonNode trail = tools.jackson.databind.json.JsonMapper.shared()
                .readTree(TdnRunner.run("audit", "--json", "--command", "recover").out());
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).get("sessionIds").get(0).asString()).isEqualTo(ID);
        assertThat(trail.get(0).get("osUser").asString()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void showSaysNothingOfNeedlesWhenEveryNeedleIsOut() throws Exception {
        Result imported = TdnRunner.run("import", "examples/sessions/2026-11-26_" + ID + ".json");
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        assertThat(TdnRunner.run("show", ID).out()).doesNotContain("NEEDLES");
    }

    @Test
    void theGlobalStoreOptionIsWhereItGoes() throws Exception {
        interrupted(ID, false);
        Path db = home.resolve("clinic.db");

        Result r = TdnRunner.run("--store", "jdbc:sqlite:" + db, "recover");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(db).exists();
        assertThat(home.resolve("tdn.db")).doesNotExist();
        assertThat(TdnRunner.run("--store", "jdbc:sqlite:" + db, "list").out()).contains("3f1c2a9e");
    }

    @Test
    void noImportWritesTheRecordOnly() throws Exception {
        interrupted(ID, false);

        Result r = TdnRunner.run("recover", "--no-import");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("Imported");
        assertThat(files(home.resolve("sessions"))).hasSize(1);
        assertThat(home.resolve("tdn.db")).doesNotExist();
    }

    @Test
    void aStoreThatFailsIsAWarningAndTheRecordIsSafe() throws Exception {
        interrupted(ID, false);
        // a store folder that cannot be made: a file is in its way
        Files.writeString(home.resolve("blocker"), "");

        Result r = TdnRunner.run("--store", "jdbc:sqlite:" + home.resolve("blocker/x.db"), "recover");

        assertThat(r.exitCode()).isZero();
        Path record = files(home.resolve("sessions")).get(0);
        assertThat(r.err()).contains("tdn recover: the record is safe in " + record + " but was not imported (")
                .contains("import it later with: tdn import " + record).doesNotContain("MRN-1");
        assertThat(files(journals())).isEmpty();
    }

    @Test
    void aTrainingRecordIsNotImported() throws Exception {
        interrupted(ID, true);

        Result r = TdnRunner.run("recover");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Training session: not imported into the clinic store");
        assertThat(home.resolve("tdn.db")).doesNotExist();
        // where the session would have filed it: apart from the clinical records
        assertThat(files(home.resolve("training"))).hasSize(1);
        assertThat(home.resolve("sessions")).doesNotExist();
    }

    @Test
    void anEmptyJournalIsSetAsideAndTheOthersAreStillRecovered() throws Exception {
        Files.createDirectories(journals());
        // sorts first: it must not stop the one after it
        Path empty = Files.createFile(journals().resolve("0a0a0a0a-0000-4000-8000-000000000000.ndjson"));
        interrupted(ID, false);

        Result r = TdnRunner.run("recover");

        assertThat(r.exitCode()).as(r.err()).isZero();
        Path kept = home.resolve("journal/set-aside/0a0a0a0a-0000-4000-8000-000000000000.ndjson.empty");
        assertThat(r.err()).isEqualTo("tdn recover: " + empty + ": empty (0 bytes): the session had not begun;"
                + " there is no session to recover; set aside as " + kept + System.lineSeparator());
        assertThat(kept).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept.getParent()))).isEqualTo("rwx------");
        assertThat(r.out()).contains("Recovered").contains(ID);
        assertThat(files(journals())).isEmpty();
        assertThat(TdnRunner.run("recover").out()).contains("No interrupted sessions.");
    }

    @Test
    void aJournalDamagedInTheMiddleIsRecoveredUpToTheDamageAndKept() throws Exception {
        JournaledSession run = interrupted(ID, false);
        Path journal = run.journal().file();
        List<String> lines = Files.readAllLines(journal);
        lines.set(3, "{\"seq\":3,\"elapsedNa");
        Files.write(journal, lines);
        byte[] damaged = Files.readAllBytes(journal);

        Result r = TdnRunner.run("recover");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("(recovered, 2 inputs replayed; line 4 is damaged");
        Path kept = home.resolve("journal/set-aside/" + ID + ".ndjson.partly-used");
        assertThat(r.err()).contains(journal.toString()).contains("set aside as " + kept).doesNotContain("MRN-1");
        assertThat(Files.readAllBytes(kept)).isEqualTo(damaged);
        assertThat(files(home.resolve("sessions"))).hasSize(1);
        assertThat(files(journals())).isEmpty();
    }

    @Test
    void aRecordTheSessionWroteBeforeTheKillIsKeptAndADifferingJournalSetAside() throws Exception {
        JournaledSession run = interrupted(ID, false);
        Path record = RecordFile.write(home.resolve("sessions"), run.session().record());
        // the record and the journal disagree (another tdn version wrote the record, or a hand edited it)
        byte[] before = Files.readAllBytes(record);
        Files.writeString(record, new String(before, StandardCharsets.UTF_8).replace("\"painBefore\" : 5", "\"painBefore\" : 4"));

        Result r = TdnRunner.run("recover");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("exists and differs").contains("set-aside/" + ID + ".ndjson.differs");
        assertThat(Files.readString(record)).contains("\"painBefore\" : 4");
        assertThat(TdnRunner.run("list").out()).contains("3f1c2a9e");
    }

    @Test
    void aWholeRecordLeftAsATemporaryFileIsCompletedAndImported() throws Exception {
        JournaledSession run = interrupted(ID, false);
        var record = run.session().record();
        Path sessions = Files.createDirectories(home.resolve("sessions"));
        Path temp = sessions.resolve("." + RecordFile.fileName(record) + ".0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6.tmp");
        Files.write(temp, RecordFile.bytes(record));
        Journal.retire(run.journal().file());

        Result r = TdnRunner.run("recover");

        assertThat(r.exitCode()).as(r.err()).isZero();
        Path target = sessions.resolve(RecordFile.fileName(record));
        assertThat(r.out()).contains(temp + ": a whole record whose rename was cut off; completed as " + target)
                .contains("Imported into the clinic store.").contains("NEEDLES NOT RECORDED AS REMOVED: 1");
        assertThat(Files.readAllBytes(target)).isEqualTo(RecordFile.bytes(record));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(files(sessions)).containsExactly(target);
    }

    @Test
    void aTemporaryFileBesideItsJournalIsRemovedOnceTheJournalHasWrittenTheRecord() throws Exception {
        JournaledSession run = interrupted(ID, false);
        var record = run.session().record();
        Path sessions = Files.createDirectories(home.resolve("sessions"));
        Path temp = sessions.resolve("." + RecordFile.fileName(record) + ".0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6.tmp");
        // the session's own write, cut off before its rename: the same bytes the journal replays to
        Files.write(temp, RecordFile.bytes(Recovery.replay(run.journal().file()).record()));

        Result r = TdnRunner.run("recover");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(temp + ": a leftover copy of " + RecordFile.fileName(record) + "; removed");
        assertThat(files(sessions)).containsExactly(sessions.resolve(RecordFile.fileName(record)));
        assertThat(files(home.resolve("journal/set-aside"))).isEmpty();
    }

    @Test
    void aTemporaryFileThatIsNoWholeRecordIsSetAsideNotDeleted() throws Exception {
        Path sessions = Files.createDirectories(home.resolve("sessions"));
        String name = "2026-11-26_" + OTHER + ".json";
        Path temp = sessions.resolve("." + name + ".0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6.tmp");
        Files.writeString(temp, "{\"schemaVersion\": 1, \"id\": \"" + OTHER + "\", \"patient\": {\"id\": \"MRN-9\"");

        Result r = TdnRunner.run("recover", OTHER);

        assertThat(r.exitCode()).as(r.err()).isZero();
        Path kept = home.resolve("journal/set-aside/" + name + ".0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6.tmp.incomplete");
        assertThat(r.err()).contains(temp + ": not a whole, valid record; set aside as " + kept).doesNotContain("MRN-9");
        assertThat(kept).exists();
        assertThat(files(sessions)).isEmpty();
    }
}
