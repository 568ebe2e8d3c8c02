package dev.tdn.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.tdn.json.Document;
import dev.tdn.record.CheckedRecord;
import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;
import dev.tdn.record.RecordJson;
import dev.tdn.record.RecordValidator;
import dev.tdn.record.SessionRecord;
import dev.tdn.record.Side;
import dev.tdn.record.Technique;
import dev.tdn.record.Twitch;

/** Drives the engine through a session in the clinic's words, with a hand-moved clock. */
final class SessionDriver {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T20:03:11.204Z"), ZoneOffset.ofHours(-6));
    static final RecordValidator VALIDATOR = RecordValidator.load();

    final ManualTicker ticker = new ManualTicker();
    final Session session;

    SessionDriver() {
        session = Session.start(new SessionSetup("3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44",
                new Clinician("pt-0042", "A. Rivera", "PT, DPT"), new Patient("MRN-12345"), Protocols.STANDARD,
                Protocols.STANDARD.needle(), false, "0.1.0"), CLOCK, ticker);
    }

    SessionDriver after(double seconds) {
        ticker.advanceSeconds(seconds);
        return this;
    }

    SessionDriver ok(Input input) {
        Outcome o = session.apply(input);
        assertThat(o).as("%s at stage %s", input, session.stage()).isInstanceOf(Outcome.Accepted.class);
        return this;
    }

    String refused(Input input) {
        Outcome o = session.apply(input);
        assertThat(o).as("%s at stage %s", input, session.stage()).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused) o).reason();
    }

    SessionDriver screenedClear() {
        ok(new Input.Consent(true)).ok(new Input.Scope(true));
        for (var item : Protocols.STANDARD.screening()) {
            after(2).ok(new Input.ScreeningAnswered(item.id(), false));
        }
        return after(3).ok(new Input.PainBefore(6));
    }

    SessionDriver prepared() {
        for (var item : Protocols.STANDARD.sitePrep()) {
            after(5).ok(new Input.SitePrepChecked(item.id()));
        }
        return this;
    }

    SessionDriver point(String muscle, Side side) {
        return after(10).ok(new Input.PointIdentified(muscle, side, null, true, false));
    }

    SessionDriver inserted() {
        return after(5).ok(new Input.NeedleInserted(Technique.DYNAMIC, 10, 1, false));
    }

    SessionDriver twitch(Twitch t) {
        return ok(new Input.TwitchMarked(t));
    }

    SessionDriver removed() {
        return ok(new Input.NeedlesRemoved(1));
    }

    /** Cleanse, then compress for {@code seconds}, no bleeding. */
    SessionDriver compressed(double seconds) {
        return after(4).ok(new Input.SiteCleansed()).after(1).ok(new Input.CompressionStarted())
                .after(seconds).ok(new Input.CompressionEnded()).ok(new Input.Bleeding(false, false));
    }

    /** A whole point inside every window. */
    SessionDriver needled(String muscle, Side side) {
        return point(muscle, side).inserted().after(8).twitch(Twitch.STRONG).after(32).removed().compressed(40);
    }

    SessionDriver closed() {
        return ok(new Input.AnotherPoint(false)).after(10).ok(new Input.HandsSanitized())
                .after(20).ok(new Input.Closed(3, List.of(), true, ""));
    }

    SessionRecord record() {
        return session.record();
    }

    /** The record as written to disk must pass the same validation as any imported record. */
    SessionRecord validRecord() {
        SessionRecord r = session.record();
        byte[] json = RecordJson.mapper().writeValueAsString(r).getBytes(StandardCharsets.UTF_8);
        CheckedRecord checked = VALIDATOR.check(new Document("engine.json", 1, json));
        assertThat(checked.problems()).as("problems in the engine's record").isEmpty();
        return r;
    }
}
