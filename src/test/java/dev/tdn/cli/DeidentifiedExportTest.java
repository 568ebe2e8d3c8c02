package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import dev.tdn.record.RecordText;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a researcher receives: every format, de-identified and pseudonymised, read for every
 * identifier, every date finer than a year and every piece of free text the records hold.
 */
class DeidentifiedExportTest {

    /** Marked text in every place a record can hold an identifier or free text. */
    private static final List<String> SECRETS = List.of("MRN-SECRET-4471", "MRN-SECRET-5582", "npi-secret-0042",
            "Dr Secret Name", "SECRET-CREDENTIAL", "note-secret", "location-secret", "discomfort-secret",
            "reason-secret", "detail-secret", "Secretus muscularis", "siteprep-secret", "muscleof-secret",
            "software-secret", "version-secret");
    private static final Pattern FINER_THAN_A_YEAR = Pattern.compile(
            // a day or month (2026-11, 2026-11-26, 11/26/2026) or a time of day (14:03), but not a UUID's digits
            "(?<![0-9a-f])(19|20)\\d{2}-[01]\\d(?![0-9a-f]{2})|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b[0-2]?\\d:[0-5]\\d\\b");
    private static final List<String> STORED_IDS = new ArrayList<>();

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    @BeforeEach
    void sessionsFullOfIdentifiers() throws Exception {
        STORED_IDS.clear();
        int n = 0;
        for (String patient : List.of("MRN-SECRET-4471", "MRN-SECRET-5582", "MRN-SECRET-4471")) {
            String id = "5ec7e7a" + n + "-6b1d-4d8e-9f3a-0c2b1e7d5a44";
            STORED_IDS.add(id);
            int day = 10 + n++;
            Files.writeString(home.resolve("s" + n + ".json"), RecordText.edited(Examples.COMPLETED, t -> {
                t.put("id", id);
                ((ObjectNode) t.get("patient")).put("id", patient);
                ((ObjectNode) t.get("clinician")).put("id", "npi-secret-0042").put("name", "Dr Secret Name")
                        .put("credentials", "SECRET-CREDENTIAL");
                t.put("notes", "note-secret: call on 2026-11-30");
                RecordText.point(t, 0).put("location", "location-secret").put("muscleOf", "muscleof-secret")
                        .put("listed", true);
                ((ObjectNode) t.get("software")).put("name", "software-secret").put("version", "version-secret");
                RecordText.point(t, 1).put("muscle", "Secretus muscularis").put("listed", false);
                ((ArrayNode) RecordText.point(t, 1).get("discomfort")).addObject()
                        .put("at", "2026-11-26T14:08:50.000-06:00").put("note", "discomfort-secret");
                ((ObjectNode) t.get("sitePrep").get(0)).put("label", "siteprep-secret");
                t.withArray("deviations").addObject().put("point", 1).put("step", "dwell").put("rule", "above-maximum")
                        .put("detail", "detail-secret").put("reason", "reason-secret");
                // every timestamp on another day, so each session is its own
                String text = t.toString().replace("2026-11-26T", "2026-11-" + day + "T");
                t.removeAll();
                t.setAll((ObjectNode) tools.jackson.databind.json.JsonMapper.shared().readTree(text));
            }));
        }
        for (int i = 1; i <= 3; i++) {
            Result r = TdnRunner.run("import", home.resolve("s" + i + ".json").toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
    }

    private static Result export(String... args) {
        List<String> all = new ArrayList<>(List.of("export"));
        all.addAll(List.of(args));
        Result r = TdnRunner.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    private static void holdsNothingIdentifying(String out, String what) {
        for (String secret : SECRETS) {
            assertThat(out).as(what + " holds " + secret).doesNotContainIgnoringCase(secret);
        }
        for (String id : STORED_IDS) {
            assertThat(out).as(what + " holds the stored session id, which the EHR has too").doesNotContain(id);
        }
        Matcher finer = FINER_THAN_A_YEAR.matcher(out);
        if (finer.find()) {
            throw new AssertionError(what + " holds a date or time finer than a year: "
                    + out.substring(Math.max(0, finer.start() - 40), Math.min(out.length(), finer.end() + 40)));
        }
        assertThat(out).as(what).doesNotContainIgnoringCase("\"age\"").doesNotContain("birthDate")
                .doesNotContain("pt-0042").doesNotContain("A. Rivera");
    }

    @Test
    void noIdentifierDateOrFreeTextSurvivesInAnyFormat() {
        for (String format : List.of("ndjson", "csv", "fhir")) {
            for (List<String> more : List.of(List.<String>of(), List.of("--pseudonymise"))) {
                List<String> args = new ArrayList<>(List.of("--format", format, "--deidentify"));
                args.addAll(more);
                Result r = export(args.toArray(String[]::new));
                holdsNothingIdentifying(r.out(), String.join(" ", args));
                assertThat(r.out()).as(format).contains("2026").contains("upper trapezius").contains("42.3")
                        .contains("withheld (not in the catalogue)");
                assertThat(r.err()).doesNotContain("warning");
            }
        }
    }

    @Test
    void pseudonymsFollowAPatientAcrossSessionsAndExportsAndComeFromNoIdentifier() throws Exception {
        String first = export("--format", "csv", "--deidentify", "--pseudonymise").out();
        String again = export("--format", "ndjson", "--pseudonymise").out();

        List<String> pseudonyms = column(first, "patient_id");
        assertThat(pseudonyms).hasSize(6).allMatch(p -> p.matches("P-[0-9A-HJKMNP-TV-Z]{12}"));
        // sessions 1 and 3 are one patient, session 2 another (two rows per session)
        assertThat(pseudonyms.get(0)).isEqualTo(pseudonyms.get(4)).isNotEqualTo(pseudonyms.get(2));
        assertThat(column(first, "clinician_id")).allMatch(c -> c.matches("C-[0-9A-HJKMNP-TV-Z]{12}"));
        // the same pseudonyms in a later export, in another format; pseudonymised only, dates stay
        assertThat(again).contains(pseudonyms.get(0)).contains(pseudonyms.get(2)).contains("2026-11-10T14:03:11.204-06:00")
                .doesNotContain("MRN-SECRET").doesNotContain("npi-secret-0042").doesNotContain("Dr Secret Name");
        // kept in the store, the only key back
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tdn.db"));
                ResultSet rs = db.createStatement().executeQuery(
                        "SELECT pseudonym FROM pseudonyms WHERE kind = 'patient' AND identifier = 'MRN-SECRET-4471'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(pseudonyms.get(0));
        }

        // another clinic with the same patient id draws another pseudonym: it is not a function of the id
        home.use(home.resolve("other"));
        assertThat(TdnRunner.run("import", home.resolve("s1.json").toString()).exitCode()).isZero();
        List<String> elsewhere = column(export("--format", "csv", "--pseudonymise").out(), "patient_id");
        assertThat(elsewhere.get(0)).matches("P-.{12}").isNotEqualTo(pseudonyms.get(0));
    }

    @Test
    void aTransactionForAnEhrIsNeverDeidentifiedOrPseudonymised() {
        for (String choice : List.of("--deidentify", "--pseudonymise")) {
            Result r = TdnRunner.run("export", "--format", "fhir", "--bundle", "transaction", choice);

            assertThat(r.exitCode()).as(choice).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).contains("--bundle transaction is for an EHR");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void deidentifiedFhirIsStillAProcedureWithAYearAndNoPerformer() {
        String fhir = export("--format", "fhir", "--deidentify").out();

        assertThat(fhir).contains("\"start\" : \"2026\"").contains("withheld (de-identified export)")
                .contains("\"effectiveDateTime\" : \"2026\"").doesNotContain("\"performer\"");
    }

    @Test
    void theChoicesAreAuditedLikeAnyOtherExport() {
        export("--format", "csv", "--deidentify", "--pseudonymise");

        Result audit = TdnRunner.run("audit", "--json", "--command", "export");
        assertThat(audit.out()).contains("\"deidentify\" : \"true\"").contains("\"pseudonymise\" : \"true\"");
        assertThat(TdnRunner.run("export", "--format", "csv", "--deidentify", "--bom").exitCode()).isEqualTo(ExitCode.OK);
    }

    private static List<String> column(String csv, String name) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        int at = header.indexOf(name);
        List<String> values = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            values.add(line.split(",")[at].replace("\"", ""));
        }
        return values;
    }
}
