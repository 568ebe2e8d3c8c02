package dev.tdn.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.flow.CatalogueNames;
import dev.tdn.flow.Question;
import dev.tdn.flow.SessionFlow;
import dev.tdn.journal.Journal;
import dev.tdn.journal.JournalHeader;
import dev.tdn.journal.JournaledSession;
import dev.tdn.journal.Recovery;
import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Clinician;
import dev.tdn.record.Patient;
import dev.tdn.record.SessionRecord;
import dev.tdn.session.ManualTicker;
import dev.tdn.session.Session;
import dev.tdn.session.SessionSetup;

/**
 * The journal's promise, answer by answer: whatever prompt comes next, the journal already
 * rebuilds the session as it stands, so a kill -9 at that prompt loses nothing acknowledged.
 */
class EveryAnswerDurableTest {

    @TempDir
    Path home;

    final ManualTicker ticker = new ManualTicker();

    SessionFlow flow() throws Exception {
        SessionSetup setup = new SessionSetup("3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44", new Clinician("pt-1", null, null),
                new Patient("MRN-1"), Rehearsal.STANDARD, Rehearsal.STANDARD.needle(), false, "0.1.0");
        Session session = Session.start(setup,
                Clock.fixed(Instant.parse("2026-11-26T20:03:11.204Z"), ZoneOffset.ofHours(-6)), ticker);
        run = new JournaledSession(session, Journal.create(home.resolve("journal"),
                JournalHeader.of(setup, session.startedAt())));
        return new SessionFlow(session, run, List.of(), new CatalogueNames());
    }

    JournaledSession run;

    @Test
    void atEveryPromptTheJournalAlreadyHoldsEveryAnswerGiven() throws Exception {
        SessionFlow flow = flow();
        List<String> answers = List.of("y", "y", "9", "y", "6", "", "", "", "", "upper trap", "l", "C7 level", "y",
                "y", "dynamic", "s", "", "", "", "", "y", "y", "n", "", "3", "dizziness, nausea", "y", "done.");
        int prompts = 0;
        for (String answer : answers) {
            Question asked = flow.question();
            ticker.advanceSeconds(asked.kind() == Question.Kind.TIMER && answer.isEmpty() ? 35 : 2);
            flow.answer(answer);
            if (flow.ended()) {
                break;
            }
            // the next prompt is about to appear: a kill now must lose nothing
            prompts++;
            SessionRecord recovered = Recovery.replay(run.journal().file()).record();
            assertThat(recovered).as("after answering %s at %s", answer, asked.ask()).isEqualTo(run.session().record());
        }
        assertThat(flow.ended()).isTrue();
        assertThat(prompts).isEqualTo(answers.size() - 1);
        byte[] json = dev.tdn.record.RecordJson.mapper().writeValueAsString(run.session().record())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(dev.tdn.record.RecordValidator.load().check(new dev.tdn.json.Document("r.json", 1, json)).problems())
                .isEmpty();
    }

    @Test
    void aKillAtTheNotesPromptKeepsPainAdverseEventsAndAftercare() throws Exception {
        SessionFlow flow = flow();
        for (String a : List.of("y", "y", "", "", "", "", "", "", "deltoid", "r", "", "y", "n", "", "s", "", "", "",
                "", "n", "n", "", "3", "dizziness, nausea", "y")) {
            ticker.advanceSeconds(flow.question().kind() == Question.Kind.TIMER && a.isEmpty() ? 35 : 2);
            flow.answer(a);
        }
        assertThat(flow.question().ask()).isEqualTo(Question.Ask.NOTES);

        SessionRecord r = Recovery.replay(run.journal().file()).record();
        assertThat(r.painAfter()).isEqualTo(3);
        assertThat(r.adverseEvents()).containsExactly(AdverseEvent.DIZZINESS, AdverseEvent.NAUSEA);
        assertThat(r.aftercareGiven()).isTrue();
    }

    @Test
    void aKillAfterBleedingYesRecordsBleedingAndAnUnknownBandageNeverFalse() throws Exception {
        SessionFlow flow = flow();
        for (String a : List.of("y", "y", "", "", "", "", "", "", "deltoid", "r", "", "y", "n", "", "s", "", "", "",
                "", "y")) {
            ticker.advanceSeconds(flow.question().kind() == Question.Kind.TIMER && a.isEmpty() ? 35 : 2);
            flow.answer(a);
        }
        assertThat(flow.question().ask()).isEqualTo(Question.Ask.BANDAGE);

        SessionRecord r = Recovery.replay(run.journal().file()).record();
        assertThat(r.points().get(0).bleeding()).isTrue();
        assertThat(r.points().get(0).bandage()).isNull();
        assertThat(r.aftercareGiven()).isNull();
        assertThat(r.adverseEvents()).isNull();
    }

    @Test
    void whatWasNeverAskedIsUnknownNotNo() throws Exception {
        SessionFlow flow = flow();
        flow.answer("y");

        SessionRecord r = Recovery.replay(run.journal().file()).record();
        assertThat(r.screening().consent()).isTrue();
        assertThat(r.screening().scopeConfirmed()).isNull();
        assertThat(r.aftercareGiven()).isNull();
    }

    @Test
    void aPointWhoseSideWasNeverGivenIsNotRecordedAsMidlineButItsMuscleIsKept() throws Exception {
        SessionFlow flow = flow();
        for (String a : List.of("y", "y", "", "", "", "", "", "", "SCM")) {
            flow.answer(a);
        }
        SessionRecord r = Recovery.replay(run.journal().file()).record();
        assertThat(r.points()).isEmpty();
        assertThat(r.events()).filteredOn(e -> e.type().equals("point.named")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("point 1: sternocleidomastoid"));
    }
}
