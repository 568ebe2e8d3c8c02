package dev.tdn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import dev.tdn.Examples;
import dev.tdn.ExitCode;
import dev.tdn.TdnRunner;
import dev.tdn.TdnRunner.Result;
import dev.tdn.record.RecordText;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** tdn export against a real store: what a clinic's other systems receive. */
class ExportCommandTest {

    private static final FhirContext R4 = FhirContext.forR4();

    @RegisterExtension
    final TemporaryHome home = new TemporaryHome();

    private static Result export(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "export";
        System.arraycopy(args, 0, all, 1, args.length);
        Result r = TdnRunner.run(all);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    private void importExamples() {
        assertThat(TdnRunner.run("import", Examples.SESSIONS.toString()).exitCode()).isZero();
    }

    private static List<Map<String, String>> csv(String text) {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return rows.readAll();
        }
    }

    /** HAPI's parser, told to refuse anything R4 does not allow (unknown elements, bad codes, wrong types). */
    private static Bundle fhir(String text) {
        IParser parser = R4.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        return parser.parseResource(Bundle.class, text);
    }

    @Test
    void ndjsonReimportsAsTheSameRecords() throws Exception {
        importExamples();
        String exported = export("--format", "ndjson").out();

        assertThat(exported.lines()).hasSize(3);
        Result again = TdnRunner.runWithInput(exported, "import", "-");
        assertThat(again.err()).contains("0 imported, 3 already present");

        // a second clinic store fed from the export exports the very same bytes
        home.use(home.resolve("other"));
        assertThat(TdnRunner.runWithInput(exported, "import", "-").err()).contains("3 imported");
        assertThat(export("--format", "ndjson").out()).isEqualTo(exported);
    }

    @Test
    void csvHasOneRowPerPointOldestFirst() {
        importExamples();

        List<Map<String, String>> rows = csv(export("--format", "csv").out());

        assertThat(rows).extracting(r -> r.get("session_id").substring(0, 8) + "/" + r.get("point"))
                .containsExactly("3f1c2a9e/1", "3f1c2a9e/2", "8b0e5f1c/1", "c4d5e6f7/");
        Map<String, String> weak = rows.get(1);
        assertThat(weak).containsEntry("muscle", "levator scapulae").containsEntry("side", "right")
                .containsEntry("twitch", "weak").containsEntry("dwell_extended", "true")
                .containsEntry("dwell_min_seconds", "120.0").containsEntry("dwell_max_seconds", "180.0")
                .containsEntry("dwell_seconds", "151.9").containsEntry("bandage", "true")
                .containsEntry("cpt", "20560").containsEntry("patient_id", "MRN-12345");
        assertThat(rows.get(2)).containsEntry("status", "aborted").containsEntry("point_deviations", "dwell below-minimum")
                .containsEntry("adverse_events", "soreness; dizziness");
        assertThat(rows.get(3)).containsEntry("status", "not-done").containsEntry("muscle", "")
                .containsEntry("cpt", "");
        // written before the catalogue was asked: billed by the name, listed unknown
        assertThat(rows.get(0)).containsEntry("muscle", "upper trapezius").containsEntry("muscle_of", "upper trapezius")
                .containsEntry("muscle_listed", "");
    }

    @Test
    void csvGivesEachDeviationsReasonAndThePrecautionsAcceptedInTheirOwnColumns() throws Exception {
        Files.writeString(home.resolve("f.json"), RecordText.edited(Examples.COMPLETED, t -> {
            // screening answered "yes" to two precautions; the clinician accepted both and went on
            tools.jackson.databind.node.ArrayNode answers = (tools.jackson.databind.node.ArrayNode) t.get("screening").get("answers");
            for (var a : answers) {
                String item = a.get("item").asString();
                if (item.equals("diabetes") || item.equals("pregnancy")) {
                    ((ObjectNode) a).put("answer", true);
                }
            }
            tools.jackson.databind.node.ArrayNode events = (tools.jackson.databind.node.ArrayNode) t.get("events");
            ObjectNode last = (ObjectNode) events.get(events.size() - 1);
            for (String item : List.of("diabetes", "pregnancy")) {
                int seq = events.size() + 1;
                events.addObject().put("seq", seq).put("at", last.get("at").asString())
                        .put("elapsedSeconds", last.get("elapsedSeconds").asDouble()).put("type", "precaution.accepted")
                        .put("detail", item);
            }
            t.withArray("deviations").addObject().putNull("point").put("step", "hands").put("rule", "skipped")
                    .put("detail", "hand hygiene not confirmed").put("reason", "gloves changed; sink out of order");
        }));
        Result imported = TdnRunner.run("import", home.resolve("f.json").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(TdnRunner.run("import", Examples.ABORTED.toString()).exitCode()).isZero();

        List<Map<String, String>> rows = csv(export("--format", "csv").out());

        assertThat(rows.get(0)).containsEntry("precautions_accepted", "diabetes; pregnancy")
                .containsEntry("session_deviations", "hands skipped")
                .containsEntry("session_deviation_reasons", "hands skipped: gloves changed; sink out of order")
                .containsEntry("point_deviation_reasons", "");
        Map<String, String> aborted = rows.stream().filter(r -> r.get("status").equals("aborted")).findFirst().orElseThrow();
        assertThat(aborted).containsEntry("point_deviations", "dwell below-minimum")
                .containsEntry("point_deviation_reasons", "dwell below-minimum: patient asked to stop")
                .containsEntry("session_deviation_reasons", "")
                // cleared after a precaution answered yes: going on was accepting it
                .containsEntry("precautions_accepted", "bleeding-or-anticoagulants");
    }

    @Test
    void csvForASpreadsheetBeginsWithAByteOrderMarkOnlyWhenAsked() throws Exception {
        Files.writeString(home.resolve("f.json"), RecordText.edited(Examples.COMPLETED,
                t -> RecordText.point(t, 0).put("muscle", "m\u00fasculo trapecio")));
        TdnRunner.run("import", home.resolve("f.json").toString());

        export("--format", "csv", "--bom", "-o", home.resolve("excel.csv").toString());
        export("--format", "csv", "-o", home.resolve("plain.csv").toString());
        byte[] excel = Files.readAllBytes(home.resolve("excel.csv"));
        byte[] plain = Files.readAllBytes(home.resolve("plain.csv"));

        assertThat(java.util.Arrays.copyOf(excel, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(java.util.Arrays.copyOfRange(excel, 3, excel.length)).isEqualTo(plain);
        assertThat(new String(plain, java.nio.charset.StandardCharsets.UTF_8)).startsWith("session_id,").contains("m\u00fasculo");
        assertThat(export("--format", "csv", "--bom").out()).startsWith("\uFEFFsession_id,");

        Result json = TdnRunner.run("export", "--format", "ndjson", "--bom");
        assertThat(json.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(json.err()).contains("--bom is for --format csv only");
    }

    @Test
    void csvShowsTheWholeMuscleAndWhetherTheCatalogueListedTheName() throws Exception {
        Files.writeString(home.resolve("f.json"), RecordText.edited(Examples.COMPLETED, t -> {
            RecordText.point(t, 0).put("muscleOf", "trapezius").put("listed", true);
            RecordText.point(t, 1).put("muscle", "Obliquus capitis inferior").put("muscleOf", "obliquus capitis inferior")
                    .put("listed", false);
        }));
        TdnRunner.run("import", home.resolve("f.json").toString());

        List<Map<String, String>> rows = csv(export("--format", "csv").out());

        assertThat(rows.get(0)).containsEntry("muscle", "upper trapezius").containsEntry("muscle_of", "trapezius")
                .containsEntry("muscle_listed", "true");
        assertThat(rows.get(1)).containsEntry("muscle", "Obliquus capitis inferior")
                .containsEntry("muscle_of", "obliquus capitis inferior").containsEntry("muscle_listed", "false");
    }

    @Test
    void csvCellsASpreadsheetWouldRunAsFormulasAreText() throws Exception {
        Files.writeString(home.resolve("f.json"), RecordText.edited(Examples.COMPLETED, t -> {
            t.putObject("patient").put("id", "=HYPERLINK(\"http://x.example\",\"open\")");
            RecordText.point(t, 0).put("muscle", "@SUM(A1:A9)");
        }));
        TdnRunner.run("import", home.resolve("f.json").toString());

        Map<String, String> row = csv(export("--format", "csv").out()).get(0);

        assertThat(row.get("patient_id")).isEqualTo("'=HYPERLINK(\"http://x.example\",\"open\")");
        assertThat(row.get("muscle")).isEqualTo("'@SUM(A1:A9)");
        assertThat(row.get("muscle_of")).isEqualTo("'@sum(a1:a9)");
        assertThat(row.get("clinician_id")).isEqualTo("pt-0042");
    }

    @Test
    void fhirIsAnR4BundleOfProcedures() {
        importExamples();

        Bundle bundle = fhir(export("--format", "fhir").out());

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        List<Procedure> procedures = bundle.getEntry().stream().filter(e -> e.getResource() instanceof Procedure)
                .map(e -> (Procedure) e.getResource()).toList();
        assertThat(procedures).extracting(p -> p.getStatus().toCode()).containsExactly("completed", "stopped", "not-done");
        Procedure completed = procedures.get(0);
        assertThat(completed.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://www.ama-assn.org/go/cpt");
        assertThat(completed.getCode().getCodingFirstRep().getCode()).isEqualTo("20560");
        assertThat(completed.getSubject().getIdentifier().getValue()).isEqualTo("MRN-12345");
        assertThat(completed.getPerformerFirstRep().getActor().getIdentifier().getValue()).isEqualTo("pt-0042");
        assertThat(completed.getBodySite()).extracting(c -> c.getText())
                .containsExactly("upper trapezius, left", "levator scapulae, right");
        assertThat(completed.getPerformedPeriod().getStartElement().getValueAsString())
                .isEqualTo("2026-11-26T14:03:11.204-06:00");
        assertThat(completed.getNote()).extracting(n -> n.getText())
                .anyMatch(t -> t.contains("dwell 151.9 s (window 120-180 s, extended for a weak twitch)"));
        Procedure aborted = procedures.get(1);
        assertThat(aborted.getStatusReason().getText()).isEqualTo("ended early by the clinician: patient declined further points");
        assertThat(aborted.getComplication()).extracting(c -> c.getText()).containsExactly("soreness", "dizziness");
        assertThat(aborted.getNote()).extracting(n -> n.getText())
                .anyMatch(t -> t.contains("dwell below-minimum") && t.contains("patient asked to stop"));
        assertThat(procedures.get(2).getCode().getCoding()).isEmpty();
        assertThat(bundle.getEntry()).allSatisfy(e -> assertThat(e.getFullUrl()).isEqualTo(((org.hl7.fhir.r4.model.Identifier)
                e.getResource().getNamedProperty("identifier").getValues().get(0)).getValue()));
        // pain before and after as Observations, each part of its session's Procedure
        List<org.hl7.fhir.r4.model.Observation> pain = bundle.getEntry().stream()
                .filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Observation)
                .map(e -> (org.hl7.fhir.r4.model.Observation) e.getResource()).toList();
        assertThat(pain).extracting(o -> o.getCode().getCodingFirstRep().getCode()).containsOnly("72514-3");
        assertThat(pain).extracting(o -> o.getValueIntegerType().getValue()).containsExactly(6, 3, 7, 5, 4);
        assertThat(pain.get(0).getPartOfFirstRep().getReference()).isEqualTo("urn:uuid:" + completed.getIdentifierFirstRep()
                .getValue().substring("urn:uuid:".length()));
    }

    @Test
    void theFhirCheckRefusesWhatR4Refuses() {
        importExamples();
        String good = export("--format", "fhir").out();

        assertThatThrownBy(() -> fhir(good.replaceFirst("\"stopped\"", "\"aborted\""))).isInstanceOf(DataFormatException.class);
        assertThatThrownBy(() -> fhir(good.replaceFirst("\"complication\"", "\"complications\"")))
                .isInstanceOf(DataFormatException.class);
    }

    @Test
    void anEmptyExportIsStillValid() {
        importExamples();

        assertThat(fhir(export("--format", "fhir", "--status", "recovered").out()).getEntry()).isEmpty();
        assertThat(export("--format", "csv", "--status", "recovered").out().lines()).singleElement().asString()
                .startsWith("session_id,");
        assertThat(export("--format", "ndjson", "--status", "recovered").out()).isEmpty();
    }

    @Test
    void trainingRecordsOnlyWhenAskedAndThenTaggedAsTestData() throws Exception {
        Files.writeString(home.resolve("t.json"), RecordText.edited(Examples.COMPLETED, t -> t.put("training", true)));
        TdnRunner.run("import", "--allow-training", home.resolve("t.json").toString());

        assertThat(export("--format", "ndjson").out()).isEmpty();
        Bundle bundle = fhir(export("--format", "fhir", "--include-training").out());
        Procedure p = (Procedure) bundle.getEntryFirstRep().getResource();
        assertThat(p.getMeta().getTag()).singleElement().satisfies(tag -> assertThat(tag.getCode()).isEqualTo("HTEST"));
        assertThat(csv(export("--format", "csv", "--include-training").out())).allMatch(r -> r.get("training").equals("true"));
    }

    @Test
    void filtersPickTheSameSessionsAsList() {
        importExamples();

        assertThat(export("--format", "ndjson", "--patient", "MRN-12345").out().lines()).singleElement()
                .asString().contains("3f1c2a9e");
        assertThat(export("--format", "ndjson", "--clinician", "pt-0042").out().lines()).hasSize(2);
        assertThat(export("--format", "ndjson", "--status", "aborted").out()).contains("8b0e5f1c").doesNotContain("3f1c2a9e");
        assertThat(export("--format", "ndjson", "--since", "2026-11-27T00:00:00-06:00").out().lines()).hasSize(1);
        assertThat(export("--format", "ndjson", "--until", "2026-11-26T15:00:00-06:00").out().lines()).hasSize(1);
    }

    @Test
    void anOutputFileIsPrivateAndReplacedWhole() throws Exception {
        importExamples();
        Path file = home.resolve("exports/november.csv");

        Result r = export("--format", "csv", "-o", file.toString());
        assertThat(r.err()).contains("3 session(s) written").doesNotContain("november");
        assertThat(r.out()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readAllLines(file)).hasSize(5);

        export("--format", "csv", "--status", "aborted", "-o", file.toString());
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void aDamagedSessionIsLeftOutOfAWholeFileAndNamedAfterIt() throws Exception {
        importExamples();
        Path file = home.resolve("out.ndjson");
        export("--format", "ndjson", "-o", file.toString());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tdn.db"));
                var s = c.createStatement()) {
            s.executeUpdate("UPDATE sessions SET record = '{\"patient\": {\"id\": \"MRN-SECRET\"}}'"
                    + " WHERE id LIKE 'c4d5%'");
        }

        Result r = TdnRunner.run("export", "--format", "ndjson", "-o", file.toString());

        // the others are written, whole; the damaged one is named last and the exit says so
        assertThat(r.exitCode()).isEqualTo(ExitCode.IO_ERR);
        assertThat(r.err()).contains("2 session(s) written")
                .contains("session c4d5e6f7-0a1b-4c2d-8e3f-9a0b1c2d3e4f in the store is damaged")
                .doesNotContain("MRN-SECRET").doesNotContain("Exception");
        assertThat(Files.readAllLines(file)).hasSize(2).noneMatch(l -> l.contains("c4d5e6f7"));
        try (Stream<Path> left = Files.list(home.path())) {
            assertThat(left).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        }
    }

    @Test
    void aRecordEditedInTheStoreIsNotPassedOn() throws Exception {
        importExamples();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tdn.db"));
                var s = c.createStatement()) {
            // still a valid record, but not the one the clinician's session wrote
            s.executeUpdate("UPDATE sessions SET record = json_set(record, '$.painAfter', 0) WHERE id LIKE '3f1c%'");
        }

        Result r = TdnRunner.run("export", "--format", "fhir");

        assertThat(r.exitCode()).isEqualTo(ExitCode.IO_ERR);
        assertThat(r.err()).contains("session 3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44 in the store is damaged");
    }

    @Test
    void anOutputThatCannotBeWrittenExits74() throws Exception {
        importExamples();
        Path taken = Files.createDirectories(home.resolve("taken"));
        Files.writeString(taken.resolve("keep"), "x");

        Result r = TdnRunner.run("export", "--format", "csv", "-o", taken.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.IO_ERR);
        assertThat(r.err()).contains("cannot write " + taken).contains("nothing was written").doesNotContain("\tat ");
        try (Stream<Path> left = Files.list(home.path())) {
            assertThat(left).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        }
    }

    @Test
    void aStoreThatIsNotThereIsNotAnEmptyExport() {
        String typo = "jdbc:sqlite:" + home.resolve("typo/tdn.db");

        for (String[] args : new String[][] {{"export", "--format", "csv"}, {"report", "adherence"}, {"list"},
            {"show", "3f1c2a9e"}}) {
            String[] all = new String[args.length + 2];
            all[0] = "--store";
            all[1] = typo;
            System.arraycopy(args, 0, all, 2, args.length);
            Result r = TdnRunner.run(all);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.NO_INPUT);
            assertThat(r.err()).contains("no clinic store at");
        }
        assertThat(home.resolve("typo")).doesNotExist();
    }

    @Test
    void fhirIdentifiersNameTheClinicsSystemsWhenGiven() {
        importExamples();

        Procedure p = (Procedure) fhir(export("--format", "fhir", "--patient-system", "urn:oid:1.2.36.146.595.217.0.1",
                "--clinician-system", "https://clinic.example/staff").out()).getEntryFirstRep().getResource();

        assertThat(p.getSubject().getIdentifier().getSystem()).isEqualTo("urn:oid:1.2.36.146.595.217.0.1");
        assertThat(p.getPerformerFirstRep().getActor().getIdentifier().getSystem()).isEqualTo("https://clinic.example/staff");
        for (String bad : new String[] {"mrn", "urn:oid:1.02.3", "urn:oid:clinic"}) {
            Result refused = TdnRunner.run("export", "--format", "fhir", "--patient-system", bad);
            assertThat(refused.exitCode()).as(bad).isEqualTo(ExitCode.USAGE);
            assertThat(refused.err()).contains("--patient-system takes an absolute URI");
        }
    }

    @Test
    void aTransactionForTheEhrIsAskedForAndOnlyOfFhir() {
        importExamples();

        Bundle b = fhir(export("--format", "fhir", "--bundle", "transaction", "--patient-system",
                "urn:oid:1.2.36.146.595.217.0.1").out());
        Result csv = TdnRunner.run("export", "--format", "csv", "--bundle", "transaction");

        assertThat(b.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
        assertThat(b.getEntry()).allSatisfy(e -> assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT));
        assertThat(((Procedure) b.getEntryFirstRep().getResource()).getSubject().getReference())
                .isEqualTo("Patient?identifier=urn:oid:1.2.36.146.595.217.0.1|MRN-12345");
        assertThat(fhir(export("--format", "fhir").out()).getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(csv.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(csv.err()).contains("--bundle is for --format fhir only");
    }

    @Test
    void withoutAPatientSystemTheFhirExportWarnsThatPatientsCannotBeMatched() {
        importExamples();

        Result bare = export("--format", "fhir");
        Result named = export("--format", "fhir", "--patient-system", "urn:oid:1.2.36.146.595.217.0.1");

        assertThat(bare.err()).contains("warning: no patient identifier system").doesNotContain("MRN-");
        assertThat(named.err()).doesNotContain("warning");
        assertThat(export("--format", "csv").err()).doesNotContain("warning");
    }

    @Test
    void theNpiSystemTakesOnlyNpisAndNothingIsWrittenOtherwise() throws Exception {
        Path out = home.resolve("to-ehr.json");
        importExamples();

        Result r = TdnRunner.run("export", "--format", "fhir", "--clinician-system", "http://hl7.org/fhir/sid/us-npi",
                "--patient-system", "urn:oid:1.2.36.146.595.217.0.1", "-o", out.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(r.err()).contains("session 3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44: the clinician id is not an NPI")
                .contains("nothing was written").doesNotContain("pt-0042").doesNotContain("\tat ");
        assertThat(out).doesNotExist();

        // the same sessions signed by clinicians with real NPIs export
        home.use(home.resolve("npi"));
        Files.writeString(home.resolve("f.json"), RecordText.edited(Examples.COMPLETED,
                t -> ((ObjectNode) t.get("clinician")).put("id", "1234567893")));
        Result imported = TdnRunner.run("import", home.resolve("f.json").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Procedure p = (Procedure) fhir(export("--format", "fhir", "--clinician-system", "http://hl7.org/fhir/sid/us-npi")
                .out()).getEntryFirstRep().getResource();
        assertThat(p.getPerformerFirstRep().getActor().getIdentifier().getValue()).isEqualTo("1234567893");
    }

    @Test
    void theClinicsSystemsCanBeSetOnceInTheConfig() throws Exception {
        importExamples();
        Files.writeString(home.resolve("config.json"),
                "{ \"fhir\": { \"patientSystem\": \"urn:oid:2.16.840.1.113883.19.5\" } }");

        Procedure p = (Procedure) fhir(export("--format", "fhir").out()).getEntryFirstRep().getResource();
        Procedure overridden = (Procedure) fhir(export("--format", "fhir", "--patient-system", "https://clinic.example/mrn")
                .out()).getEntryFirstRep().getResource();

        assertThat(p.getSubject().getIdentifier().getSystem()).isEqualTo("urn:oid:2.16.840.1.113883.19.5");
        assertThat(p.getPerformerFirstRep().getActor().getIdentifier().hasSystem()).isFalse();
        assertThat(overridden.getSubject().getIdentifier().getSystem()).isEqualTo("https://clinic.example/mrn");

        Files.writeString(home.resolve("config.json"), "{ \"fhir\": {\n  \"patientSystem\": \"MRN\" } }");
        Result bad = TdnRunner.run("export", "--format", "fhir");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(bad.err()).contains("config.json:2:").contains("$.fhir.patientSystem").contains("absolute URI");
        // csv needs no FHIR settings, but a config that cannot be read may be the one naming the store
        assertThat(TdnRunner.run("export", "--format", "csv").exitCode()).isEqualTo(ExitCode.DATA_ERR);
        assertThat(TdnRunner.run("--store", "jdbc:sqlite:" + home.resolve("tdn.db"), "export", "--format", "csv")
                .exitCode()).as("csv from a store named on the command line").isZero();
    }

    @Test
    void aSessionAbortedBeforeAnyNeedleIsNotDoneInFhir() throws Exception {
        Files.writeString(home.resolve("a.json"), RecordText.edited(Examples.ABORTED, t -> {
            ObjectNode p = RecordText.point(t, 0);
            for (String f : new String[] {"insertedAt", "twitch", "dwell", "removedAt", "siteCleansedAt", "compression",
                "depthMm", "technique"}) {
                p.putNull(f);
            }
            p.put("needlesInserted", 0).put("needlesRemoved", 0);
            t.putArray("deviations");
            t.putObject("billing").put("musclesTreated", 0).putNull("cpt");
        }));
        Result imported = TdnRunner.run("import", home.resolve("a.json").toString());
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();

        Procedure p = (Procedure) fhir(export("--format", "fhir").out()).getEntryFirstRep().getResource();

        assertThat(p.getStatus().toCode()).isEqualTo("not-done");
        assertThat(p.getBodySite()).isEmpty();
    }

    @Test
    void aFormatIsRequiredAndChecked() {
        Result missing = TdnRunner.run("export");
        Result unknown = TdnRunner.run("export", "--format", "xml");

        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("--format");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("--format").contains("expected ndjson, csv, fhir");
    }
}
