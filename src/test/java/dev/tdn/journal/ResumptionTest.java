package dev.tdn.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;
import dev.tdn.record.Side;
import dev.tdn.record.Technique;
import dev.tdn.record.Twitch;
import dev.tdn.session.Input;
import dev.tdn.session.ManualTicker;
import dev.tdn.session.Protocols;
import dev.tdn.session.Session;
import dev.tdn.session.SessionSetup;

/** Taking an interrupted session up again, with the clock honest across the gap. */
class ResumptionTest {

    static final Instant START = Instant.parse("2026-11-26T20:03:11.204Z");

    @TempDir
    Path dir;

    final ManualTicker ticker = new ManualTicker();

    /** A session killed with the needle in, 20 session seconds after insertion, at {@code scale}. */
    Path killedInTheDwell(double scale) throws Exception {
        SessionSetup setup = new SessionSetup("3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44", new Clinician("pt-1", null, null),
                new Patient("MRN-1"), Protocols.STANDARD, Protocols.STANDARD.needle(), scale != 1, "0.1.0");
        Session session = Session.start(setup, Clock.fixed(START, ZoneOffset.UTC), ticker);
        JournaledSession run = new JournaledSession(session, Journal.create(dir, JournalHeader.of(setup,
                session.startedAt(), scale)));
        for (Input input : List.<Input>of(new Input.Consent(true), new Input.Scope(true),
                new Input.ScreeningChecked(List.of()), new Input.PainBefore(5), new Input.SitePrepChecked("antiseptic"),
                new Input.SitePrepChecked("gloves"), new Input.MuscleNamed("deltoid"), new Input.SideGiven(Side.LEFT),
                new Input.LocationGiven(""), new Input.PainReproduced(true), new Input.PainReferred(false),
                new Input.NeedleInserted(Technique.STATIC, 10, 1, false))) {
            ticker.advanceSeconds(1);
            run.accept(input);
        }
        ticker.advanceSeconds(20);
        run.accept(new Input.TwitchMarked(Twitch.STRONG));
        run.journal().close();
        return run.journal().file();
    }

    /** The wall clock {@code seconds} after the journal's last input, at {@code scale}. */
    static Clock after(double lastSessionSeconds, double scale, double seconds) {
        return Clock.fixed(START.plusNanos((long) ((lastSessionSeconds / scale + seconds) * 1e9)), ZoneOffset.UTC);
    }

    @Test
    void theOutageIsEstimatedFromTheWallClockAndTheDwellSaysWhichPartWasEstimated() throws Exception {
        killedInTheDwell(1);
        ManualTicker now = new ManualTicker();
        JournaledSession run = Resumption.open(dir, "", now, after(32, 1, 90));

        assertThat(run.session().record().events()).last()
                .satisfies(e -> assertThat(e.detail()).startsWith("outage of 90.0 s, estimated from the wall clock"));
        now.advanceSeconds(10);
        run.accept(new Input.NeedlesRemoved(1));
        assertThat(run.session().record().points().get(0).dwell().seconds()).isEqualTo(120.0);
        assertThat(run.session().record().points().get(0).dwell().estimatedSeconds()).isEqualTo(90.0);
    }

    @Test
    void aTrainingSessionResumesAtItsOwnPaceWithTheOutageInSessionSeconds() throws Exception {
        killedInTheDwell(60);
        JournaledSession run = Resumption.open(dir, "", new ManualTicker(), after(32, 60, 2));

        assertThat(run.session().record().events()).last()
                .satisfies(e -> assertThat(e.detail()).startsWith("outage of 120.0 s"));
    }

    @Test
    void undoAfterAResumeTakesBackTheLastAnswerNotTheOutage() throws Exception {
        killedInTheDwell(1);
        JournaledSession run = Resumption.open(dir, "", new ManualTicker(), after(32, 1, 30));

        assertThat(run.session().undoable()).contains(new Input.TwitchMarked(Twitch.STRONG));
        run.accept(new Input.Undo());
        assertThat(run.session().record().points().get(0).twitch()).isNull();
        assertThat(run.session().record().events()).anySatisfy(e -> assertThat(e.type()).isEqualTo("session.resumed"));
    }

    @Test
    void aWholeLastLineThatLostOnlyItsNewlineIsKeptWhenTheJournalGoesOn() throws Exception {
        Path file = killedInTheDwell(1);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(file) - 1);
        }
        JournaledSession run = Resumption.open(dir, "", new ManualTicker(), after(32, 1, 5));
        run.accept(new Input.NeedlesRemoved(1));
        run.journal().close();

        Recovery.Replayed replayed = Recovery.replay(file);
        assertThat(replayed.wholeJournalUsed()).isTrue();
        assertThat(replayed.record().points().get(0).twitch()).isEqualTo(Twitch.STRONG);
        assertThat(replayed.record().points().get(0).dwell()).isNotNull();
    }
}
