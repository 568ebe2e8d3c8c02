package dev.tdn.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.tdn.Examples;
import dev.tdn.record.RecordJson;
import dev.tdn.record.RecordText;
import dev.tdn.record.SessionRecord;
import tools.jackson.databind.node.ObjectNode;

/** The note a clinician pastes into the EMR, read as the clinician and the biller read it. */
class ProcedureNoteTest {

    private static SessionRecord record(Path example, Consumer<ObjectNode> edit) {
        return RecordJson.mapper().readValue(RecordText.edited(example, edit), SessionRecord.class);
    }

    private static String note(Path example, Consumer<ObjectNode> edit) {
        return ProcedureNote.of(record(example, edit), NoteFormat.TEXT);
    }

    @Test
    void aCompletedSessionsNoteHoldsEverythingTheChartNeeds() {
        String note = note(Examples.COMPLETED, r -> { });

        assertThat(note)
                .contains("Date:                     Thursday 26 November 2026, 14:03 to 14:10 (UTC-06:00), 7 min 30 s")
                .contains("Patient:                  MRN-12345")
                .contains("Clinician:                A. Rivera, PT, DPT (pt-0042)")
                .contains("Consent:                  informed consent given")
                .contains("Scope of practice:        confirmed")
                .contains("Contraindications:        none found (5 screened)")
                .contains("Precautions:              none found (10 screened)")
                .contains("Screening outcome:        cleared for needling")
                .contains("Pain before (NPRS 0-10):  6")
                .contains("Cleanse the area with 70% isopropyl alcohol (14:03:44)")
                .contains("Point 1: upper trapezius, left")
                .contains("Point 2: levator scapulae, right (superior angle of scapula)")
                .contains("Needle:                 1 needle, 0.25 mm gauge x 30 mm length")
                .contains("Depth:                  10 mm")
                .contains("Technique:              dynamic")
                .contains("Electrical stimulation: no")
                .contains("Twitch response:        weak")
                .contains("Dwell:                  151.9 s, within the 120-180 s window (the longer window for a weak twitch)")
                .contains("Compression:            38.5 s, within the 30-60 s window")
                .contains("Bleeding:               yes, bandage applied")
                .contains("Discomfort:             14:08:46: grimacing")
                .contains("Hand hygiene:             hands sanitised at 14:10:16")
                .contains("Pain after (NPRS 0-10):   3 (-3 from before)")
                .contains("Tolerance:                discomfort recorded at point(s) 2")
                .contains("Adverse events:           soreness")
                .contains("Aftercare advice:         given")
                .contains("Needle count:             every needle removed (2 of 2)")
                .contains("CPT 20560 suggested: 2 muscles treated")
                .contains("Tolerated well. Re-assess cervical rotation next visit.");
        // human times only: no machine timestamp, and nothing after the second
        assertThat(note).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T").doesNotContain(".704");
        assertThat(note).endsWith("session 3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44.\n");
    }

    @Test
    void aDeviationIsWrittenWithItsReasonAndTheWindowItMissed() {
        String note = note(Examples.ABORTED, r -> { });

        assertThat(note).contains("Outcome:                  ended early by the clinician: patient declined further points")
                .contains("Dwell:                  22 s, BELOW the 30-60 s window")
                .contains("- Point 1, dwell below the minimum: needle removed at 22.0 s; window 30-60 s."
                        + " Reason: patient asked to stop.")
                .contains("Precautions:              accepted after review: bleeding-or-anticoagulants")
                .contains("Adverse events:           soreness, dizziness");
    }

    @Test
    void aNeedleNeverRecordedAsRemovedIsSaidTwice() {
        String note = note(Examples.COMPLETED, r -> RecordText.point(r, 1).put("needlesInserted", 3).put("needlesRemoved", 2));

        assertThat(note).contains("Removed:                14:09:16; 2 of 3 removed")
                .contains("Needles left in:        1 NOT RECORDED AS REMOVED")
                .contains("Needle count:             NEEDLES NOT RECORDED AS REMOVED: 1 (points 2).");
    }

    @Test
    void noTwitchReadsAsProseAndUnknownAnswersAreNotRecordedNeverNo() {
        String note = note(Examples.COMPLETED, r -> {
            RecordText.point(r, 0).put("twitch", "none").putNull("electricalStimulation").putNull("depthMm");
            r.putNull("aftercareGiven");
            r.putNull("adverseEvents");
        });

        assertThat(note).contains("Twitch response:        no twitch response").doesNotContain("none twitch")
                .contains("Electrical stimulation: not recorded")
                .contains("Depth:                  not recorded")
                .contains("Aftercare advice:         not recorded")
                .contains("Adverse events:           not recorded");
    }

    @Test
    void aScreeningThatFoundAContraindicationSaysSoAndBillsNothing() {
        String note = note(Examples.NOT_DONE, r -> { });

        assertThat(note).contains("Contraindications:        FOUND: needle-phobia")
                .contains("Screening outcome:        NOT cleared for needling")
                .contains("No trigger point was needled.")
                .contains("No CPT code: no needle was inserted.");
    }

    @Test
    void aTrainingRecordIsMarkedAsNoTreatment() {
        assertThat(note(Examples.COMPLETED, r -> r.put("training", true)))
                .contains("TRAINING RECORD: the session clock was scaled. Not a treatment; do not file.");
    }

    @Test
    void markdownKeepsTypedTextAsTextAndControlCharactersOut() {
        SessionRecord r = record(Examples.COMPLETED, t -> {
            RecordText.point(t, 0).put("muscle", "*upper* trapezius <img src=x onerror=alert(1)>");
            t.put("notes", "# not a heading\n- not a list\n1. not a list either\nmixed \u001b[2J line");
        });

        String md = ProcedureNote.of(r, NoteFormat.MARKDOWN);

        assertThat(md).startsWith("# Trigger point dry needling: procedure note\n\n")
                .contains("### Point 1: \\*upper\\* trapezius \\<img src=x onerror=alert(1)\\>, left")
                .contains("- **Depth:** 10 mm")
                .contains("\\# not a heading  \n\\- not a list  \n1\\. not a list either  \nmixed \uFFFD\\[2J line")
                .doesNotContain("\u001b");
        assertThat(ProcedureNote.of(r, NoteFormat.TEXT)).doesNotContain("\u001b")
                .contains("Point 1: *upper* trapezius <img src=x onerror=alert(1)>, left");
    }

    @Test
    void aSessionOverMidnightNamesTheDayItEnded() {
        assertThat(HumanTime.span(java.time.OffsetDateTime.parse("2026-11-26T23:58:00.5-06:00"),
                java.time.OffsetDateTime.parse("2026-11-27T00:03:10-06:00")))
                .isEqualTo("Thursday 26 November 2026, 23:58 (UTC-06:00) to Friday 27 November 2026, 00:03 (UTC-06:00), 5 min 9 s");
        assertThat(HumanTime.seconds(42.25)).isEqualTo("42.25 s");
        assertThat(HumanTime.seconds(30.0)).isEqualTo("30 s");
        assertThat(HumanTime.number(0.3)).isEqualTo("0.3");
    }
}
