package dev.tdn.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;
import dev.tdn.record.SessionRecord;
import dev.tdn.record.Side;
import dev.tdn.record.Status;
import dev.tdn.record.Technique;
import dev.tdn.record.Twitch;
import dev.tdn.session.Input;
import dev.tdn.session.ManualTicker;
import dev.tdn.session.Protocols;
import dev.tdn.session.Session;
import dev.tdn.session.SessionSetup;

class JournalTest {

    @TempDir
    Path home;

    Path dir;
    ManualTicker ticker = new ManualTicker();
    JournaledSession run;

    @BeforeEach
    void start() throws Exception {
        dir = home.resolve("journal");
        SessionSetup setup = new SessionSetup("3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44", new Clinician("pt-1", null, null),
                new Patient("MRN-1"), Protocols.STANDARD, Protocols.STANDARD.needle(), false, "0.1.0");
        Session session = Session.start(setup,
                Clock.fixed(Instant.parse("2026-11-26T20:03:11.204Z"), ZoneOffset.ofHours(-6)), ticker);
        run = new JournaledSession(session, Journal.create(dir, JournalHeader.of(setup, session.startedAt())));
    }

    void feed(double afterSeconds, Input input) {
        ticker.advanceSeconds(afterSeconds);
        assertThat(run.accept(input)).isInstanceOf(dev.tdn.session.Outcome.Accepted.class);
    }

    void untilDwell() {
        feed(1, new Input.Consent(true));
        feed(1, new Input.Scope(true));
        for (var item : Protocols.STANDARD.screening()) {
            feed(1, new Input.ScreeningAnswered(item.id(), false));
        }
        feed(1, new Input.PainBefore(5));
        for (var item : Protocols.STANDARD.sitePrep()) {
            feed(1, new Input.SitePrepChecked(item.id()));
        }
        feed(5, new Input.PointIdentified("upper trapezius", Side.LEFT, "C7 level", true, true));
        feed(5, new Input.NeedleInserted(Technique.DYNAMIC, 10, 1, true));
        feed(50, new Input.TwitchMarked(Twitch.WEAK));
    }

    @Test
    void aKilledSessionReplaysToTheSameRecordWithEveryAcknowledgedInput() throws Exception {
        untilDwell();
        SessionRecord beforeTheKill = run.session().record();

        Recovery.Replayed replayed = Recovery.replay(run.journal().file());

        assertThat(replayed.record()).isEqualTo(beforeTheKill);
        assertThat(replayed.record().status()).isEqualTo(Status.RECOVERED);
        assertThat(replayed.record().points().get(0).dwell()).isNull();
        assertThat(replayed.note()).isNull();
        assertThat(replayed.inputs()).isEqualTo(2 + 3 + 1 + 2 + 3);
    }

    @Test
    void aFinishedButUnwrittenSessionReplaysWithItsRealStatus() throws Exception {
        untilDwell();
        feed(100, new Input.NeedlesRemoved(1));
        feed(5, new Input.SiteCleansed());
        feed(1, new Input.CompressionStarted());
        feed(40, new Input.CompressionEnded());
        feed(1, new Input.Bleeding(false, false));
        feed(1, new Input.AnotherPoint(false));
        feed(5, new Input.HandsSanitized());
        feed(5, new Input.Closed(2, java.util.List.of(), true, "fine"));

        Recovery.Replayed replayed = Recovery.replay(run.journal().file());

        assertThat(replayed.record()).isEqualTo(run.session().record());
        assertThat(replayed.record().status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void recoveryReplaysAnUndoneNeedleOutExactly() throws Exception {
        untilDwell();
        feed(0.1, new Input.NeedlesRemoved(1));
        feed(0.8, new Input.Undo());
        feed(60, new Input.NeedlesRemoved(1));
        SessionRecord beforeTheKill = run.session().record();

        Recovery.Replayed replayed = Recovery.replay(run.journal().file());

        assertThat(replayed.record()).isEqualTo(beforeTheKill);
        assertThat(replayed.record().points().get(0).dwell().seconds()).isEqualTo(110.9);
        assertThat(replayed.record().events()).extracting(e -> e.type()).containsSubsequence("needles.removed",
                "input.undone", "needles.removed");
        assertThat(Files.readString(run.journal().file())).contains("\"input\":\"undo\"");
    }

    @Test
    void aTornLastLineIsSkippedAndSaidSo() throws Exception {
        untilDwell();
        SessionRecord acknowledged = run.session().record();
        Files.writeString(run.journal().file(), "{\"seq\":12,\"elapsedNanos\":99,\"inp", StandardOpenOption.APPEND);

        Recovery.Replayed replayed = Recovery.replay(run.journal().file());

        assertThat(replayed.record()).isEqualTo(acknowledged);
        assertThat(replayed.note()).contains("torn");
    }

    @Test
    void aDamagedMiddleLineStopsReplayThere() throws Exception {
        feed(1, new Input.Consent(true));
        Files.writeString(run.journal().file(), "garbage\n", StandardOpenOption.APPEND);
        feed(1, new Input.Scope(true));

        Recovery.Replayed replayed = Recovery.replay(run.journal().file());

        assertThat(replayed.inputs()).isEqualTo(1);
        assertThat(replayed.note()).contains("line 3 is damaged");
    }

    @Test
    void aJournalWithoutHeaderIsUnreadable() throws Exception {
        Path bad = dir.resolve("x.ndjson");
        Files.writeString(bad, "{not json\n");

        assertThatThrownBy(() -> Recovery.replay(bad)).isInstanceOf(Recovery.UnreadableJournal.class)
                .extracting(e -> ((Recovery.UnreadableJournal) e).why()).isEqualTo("no-header");
    }

    @Test
    void anEmptyJournalIsUnreadableAndSaysItIsEmpty() throws Exception {
        Path empty = dir.resolve("y.ndjson");
        Files.createFile(empty);

        assertThatThrownBy(() -> Recovery.replay(empty)).isInstanceOf(Recovery.UnreadableJournal.class)
                .hasMessageContaining("empty (0 bytes)")
                .extracting(e -> ((Recovery.UnreadableJournal) e).why()).isEqualTo("empty");
    }

    @Test
    void aHeaderCutAtAnyByteIsUnreadableNeverAnInternalError() throws Exception {
        byte[] header = Files.readAllBytes(run.journal().file());
        Path cut = dir.resolve("cut.ndjson");
        // every cut but the whole line (with or without its newline), which is a header-only journal
        for (int n = 1; n < header.length - 1; n++) {
            Files.write(cut, java.util.Arrays.copyOf(header, n));
            assertThatThrownBy(() -> Recovery.replay(cut)).as("cut at byte " + n)
                    .isInstanceOf(Recovery.UnreadableJournal.class);
        }
    }

    @Test
    void aHeaderOnlyJournalRecoversTheSessionThatWasBegun() throws Exception {
        Recovery.Replayed replayed = Recovery.replay(run.journal().file());

        assertThat(replayed.inputs()).isZero();
        assertThat(replayed.wholeJournalUsed()).isTrue();
        assertThat(replayed.record().patient().id()).isEqualTo("MRN-1");
        assertThat(replayed.record().status()).isEqualTo(Status.RECOVERED);
    }

    @Test
    void aJournalCutAtAnyByteAfterItsHeaderReplaysEveryWholeLineAndIsUsedWhole() throws Exception {
        untilDwell();
        byte[] whole = Files.readAllBytes(run.journal().file());
        int headerEnd = new String(whole, StandardCharsets.UTF_8).indexOf('\n') + 1;
        Path cut = dir.resolve("cut.ndjson");
        for (int n = headerEnd; n <= whole.length; n++) {
            Files.write(cut, java.util.Arrays.copyOf(whole, n));
            int wholeLines = (int) new String(whole, 0, n, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
            // a line cut just before its newline is whole all the same
            if (n < whole.length && whole[n] == '\n') {
                wholeLines++;
            }

            Recovery.Replayed replayed = Recovery.replay(cut);

            assertThat(replayed.inputs()).as("cut at byte " + n).isEqualTo(wholeLines - 1);
            // a torn last line was never acknowledged: nothing is lost by removing the journal
            assertThat(replayed.wholeJournalUsed()).as("cut at byte " + n).isTrue();
        }
    }

    @Test
    void aDamagedLineWithLinesAfterItMeansTheJournalWasNotUsedWhole() throws Exception {
        feed(1, new Input.Consent(true));
        Files.writeString(run.journal().file(), "garbage\n", StandardOpenOption.APPEND);
        feed(1, new Input.Scope(true));

        assertThat(Recovery.replay(run.journal().file()).wholeJournalUsed()).isFalse();
    }

    @Test
    void aWholeDamagedLastLineIsDamageNotATear() throws Exception {
        feed(1, new Input.Consent(true));
        Files.writeString(run.journal().file(), "garbage\n", StandardOpenOption.APPEND);

        Recovery.Replayed replayed = Recovery.replay(run.journal().file());

        assertThat(replayed.note()).contains("line 3 is damaged");
        assertThat(replayed.wholeJournalUsed()).isFalse();
    }

    @Test
    void theJournalIsPrivateAndEachInputIsALine() throws Exception {
        feed(1, new Input.Consent(true));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.journal().file())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(Files.readAllLines(run.journal().file(), StandardCharsets.UTF_8)).hasSize(2)
                .last().asString().contains("\"input\":\"consent\"");
    }

    @Test
    void retiringRemovesTheJournal() throws Exception {
        run.journal().retire();

        assertThat(Recovery.journals(dir)).isEmpty();
    }
}
