package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** tdn note and tdn show against a real store, as the clinician at the EMR uses them. */
class NoteCommandTest {

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    @BeforeEach
    void aStoreWithTheExamples() {
        assertThat(TdnRunner.run("import", Examples.SESSIONS.toString()).exitCode()).isZero();
    }

    @Test
    void theNoteOfASessionIsPrintedForPastingAndItsReadIsAudited() {
        Result note = TdnRunner.run("note", "8b0e");

        assertThat(note.exitCode()).as(note.err()).isZero();
        assertThat(note.out()).startsWith("Trigger point dry needling: procedure note\n")
                .contains("Point 1: gluteus medius, right")
                .contains("Reason: patient asked to stop.");
        JsonNode last = JsonMapper.shared().readTree(TdnRunner.run("audit", "--json", "--command", "note").out()).get(0);
        assertThat(last.get("command").asString()).isEqualTo("note");
        assertThat(last.get("patientIds").get(0).asString()).isEqualTo("MRN-20931");
    }

    @Test
    void markdownToAFileIsPrivateAndWhole() throws Exception {
        Path file = home.resolve("note.md");

        Result r = TdnRunner.run("note", "--format", "markdown", "3f1c", "-o", file.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(file)).startsWith("# Trigger point dry needling: procedure note")
                .contains("### Point 2: levator scapulae, right");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anIdThatIsNotThereOrNotEnoughIsAnErrorNotANote() throws Exception {
        // two sessions whose ids start alike
        String twin = Files.readString(Examples.COMPLETED).replace("3f1c2a9e-6b1d", "3f1c2a9f-6b1d");
        Files.writeString(home.resolve("twin.json"), twin);
        assertThat(TdnRunner.run("import", home.resolve("twin.json").toString()).exitCode()).isZero();

        Result absent = TdnRunner.run("note", "ffff0000");
        Result ambiguous = TdnRunner.run("note", "3f1c");
        Result format = TdnRunner.run("note", "--format", "pdf", "8b0e");

        assertThat(absent.exitCode()).isEqualTo(ExitCode.NO_INPUT);
        assertThat(absent.err()).contains("no session with id ffff0000");
        assertThat(ambiguous.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(ambiguous.out()).isEmpty();
        assertThat(format.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(format.err()).contains("expected text, markdown");
    }

    @Test
    void showGivesTheScreeningNeedlesDepthAndHumanTimes() {
        Result shown = TdnRunner.run("show", "8b0e");

        assertThat(shown.out())
                .contains("  when        Thursday 26 November 2026, 15:10 to 15:12 (UTC-06:00), 2 min 56 s")
                .contains("  screening   cleared; consent given; precautions accepted: bleeding-or-anticoagulants")
                .contains("              1 needle 0.25 x 30 mm, depth 10 mm, in 15:11:22, out 15:11:44")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(shown.out()).contains("              dwell 22 s (BELOW window 30-60 s)")
                .contains("              compression 55 s (window 30-60 s)");
        assertThat(TdnRunner.run("show", "c4d5").out())
                .contains("  screening   NOT cleared: needle-phobia; consent given; precautions not reached");
    }
}
