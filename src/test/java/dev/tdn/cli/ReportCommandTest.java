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
import dev.tdn.record.RecordText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** tdn report over a real store: filters, training records, usage errors. */
class ReportCommandTest {

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    @BeforeEach
    void useTemporaryHome() {
        assertThat(TdnRunner.run("import", Examples.SESSIONS.toString()).exitCode()).isZero();
    }

    private static JsonNode json(String... args) {
        Result r = TdnRunner.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JsonMapper.shared().readTree(r.out());
    }

    @Test
    void eachReportReadsTheStoreThroughTheSameFiltersAsList() {
        assertThat(json("report", "adherence", "--json").get("sessions").asInt()).isEqualTo(3);
        assertThat(json("report", "adherence", "--json", "--clinician", "pt-0042").get("sessions").asInt()).isEqualTo(2);
        assertThat(json("report", "adherence", "--json", "--status", "aborted").at("/dwell/belowMinimum").asInt()).isEqualTo(1);
        assertThat(json("report", "billing", "--json").findValuesAsString("clinician")).containsExactly("pt-0017", "pt-0042");
        assertThat(json("report", "adverse-events", "--json").at("/sessionsWith/dizziness").asInt()).isEqualTo(1);
        assertThat(json("report", "progress", "--patient", "MRN-12345", "--json")).hasSize(1);
    }

    @Test
    void tablesFitEightyColumns() {
        for (String report : new Spelled.Reports()) {
            Result r = report.equals("progress") ? TdnRunner.run("report", report, "--patient", "MRN-12345")
                    : TdnRunner.run("report", report);
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out().lines()).isNotEmpty().allMatch(l -> l.length() <= 80);
        }
    }

    @Test
    void trainingRecordsCountOnlyWhenAsked() throws Exception {
        Files.writeString(home.resolve("t.json"), RecordText.edited(Examples.COMPLETED,
                t -> t.put("training", true).put("id", "0e3c1a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44")));
        TdnRunner.run("import", "--allow-training", home.resolve("t.json").toString());

        assertThat(json("report", "adherence", "--json").get("sessions").asInt()).isEqualTo(3);
        assertThat(json("report", "adherence", "--json", "--include-training").get("sessions").asInt()).isEqualTo(4);
    }

    @Test
    void usageErrorsSayWhatIsMissing() {
        Result noPatient = TdnRunner.run("report", "progress");
        Result unknown = TdnRunner.run("report", "revenue");

        assertThat(noPatient.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noPatient.err()).contains("--patient");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("expected adherence, billing, adverse-events, progress");
    }

    @Test
    void progressEndsWithThePatientsPainTrendOnOneLine() throws Exception {
        Files.writeString(home.resolve("next.json"), RecordText.edited(Examples.COMPLETED, t -> {
            t.put("id", "4e3c1a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44").put("painBefore", 4).putNull("painAfter");
            // the whole session a day later
            String text = t.toString().replace("2026-11-26T", "2026-11-27T");
            t.removeAll();
            t.setAll((tools.jackson.databind.node.ObjectNode) JsonMapper.shared().readTree(text));
        }));
        assertThat(TdnRunner.run("import", home.resolve("next.json").toString()).exitCode()).isZero();

        Result r = TdnRunner.run("report", "progress", "--patient", "MRN-12345");

        // a score not recorded is a dash, never a 0
        assertThat(r.out().lines().toList()).last().isEqualTo("pain 6/3 > 4/- (before/after, oldest first)");
    }

    @Test
    void anHtmlPageIsOneFileWithItsChartAndTable() throws Exception {
        Path page = home.resolve("adherence.html");

        Result r = TdnRunner.run("report", "adherence", "--html", "-o", page.toString());
        Result both = TdnRunner.run("report", "adherence", "--html", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("inside the window")
                .contains("dwell inside its window").endsWith("</html>\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(page)))
                .isEqualTo("rw-------");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        // text from the store is text in the page
        assertThat(TdnRunner.run("report", "billing", "--html", "--clinician", "<b>x</b>").out())
                .contains("clinician &lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
    }
}
