package dev.tdn.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import dev.tdn.Examples;
import dev.tdn.record.RecordJson;
import dev.tdn.record.RecordText;
import dev.tdn.record.SessionRecord;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exported Bundles against HAPI's R4 instance validator: cardinalities, invariants, value sets
 * (what the strict parser alone does not check). Without a terminology server it can only warn
 * about CPT, which is not an HL7 code system; any error fails.
 */
class FhirValidationTest {

    private static FhirValidator validator;

    @BeforeAll
    static void loadTheR4Definitions() {
        FhirContext r4 = FhirContext.forR4();
        validator = r4.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(new ValidationSupportChain(
                new DefaultProfileValidationSupport(r4), new InMemoryTerminologyServerValidationSupport(r4),
                new CommonCodeSystemsTerminologyService(r4))));
    }

    private static SessionRecord record(java.nio.file.Path example, Consumer<ObjectNode> edit) {
        return RecordJson.mapper().readValue(RecordText.edited(example, edit), SessionRecord.class);
    }

    private static String bundle(IdentifierSystems systems, List<SessionRecord> records) throws Exception {
        return bundle(BundleType.COLLECTION, systems, records);
    }

    private static String bundle(BundleType type, IdentifierSystems systems, List<SessionRecord> records) throws Exception {
        StringWriter out = new StringWriter();
        Export export = ExportFormat.FHIR.open(out, new ExportChoices(systems, type));
        for (SessionRecord r : records) {
            export.add(r);
        }
        export.finish();
        return out.toString();
    }

    static List<String> warnings(String json) {
        return validator.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .map(SingleValidationMessage::toString).toList();
    }

    private static List<String> errors(String json) {
        return validator.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(SingleValidationMessage::toString).toList();
    }

    @Test
    void everyKindOfSessionExportsAsValidR4() throws Exception {
        List<SessionRecord> sessions = List.of(
                record(Examples.COMPLETED, r -> { }),
                record(Examples.ABORTED, r -> { }),
                record(Examples.NOT_DONE, r -> { }),
                record(Examples.COMPLETED, r -> r.put("training", true).put("status", "recovered")
                        .put("id", "0e3c1a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44")),
                // typed by a person: markup characters must stay text in the narrative
                record(Examples.COMPLETED, r -> {
                    r.put("id", "1e3c1a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44");
                    RecordText.point(r, 0).put("muscle", "trapezius <upper> & \"left\"");
                }));

        // the examples' clinicians have the clinic's own staff ids, not NPIs
        String json = bundle(new IdentifierSystems("urn:oid:1.2.36.146.595.217.0.1", "https://clinic.example/staff"),
                sessions);

        assertThat(errors(json)).isEmpty();
        assertThat(json).contains("trapezius &lt;upper&gt; &amp;");
        assertThat(errors(bundle(IdentifierSystems.NONE, List.of()))).isEmpty();
    }

    private static final IdentifierSystems CLINIC = new IdentifierSystems("urn:oid:1.2.36.146.595.217.0.1", Npi.SYSTEM);

    private static List<SessionRecord> everyKind() {
        return List.of(
                record(Examples.COMPLETED, r -> ((ObjectNode) r.get("clinician")).put("id", "1234567893").put("name", "A. Rivera")),
                record(Examples.ABORTED, r -> ((ObjectNode) r.get("clinician")).put("id", "1245319599")),
                record(Examples.NOT_DONE, r -> ((ObjectNode) r.get("clinician")).put("id", "1234567893")),
                record(Examples.COMPLETED, r -> r.put("training", true).put("status", "recovered").putNull("painAfter")
                        .put("id", "0e3c1a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44").putObject("clinician").put("id", "1234567893")),
                // an MRN with characters a search URL must escape
                record(Examples.COMPLETED, r -> {
                    r.put("id", "1e3c1a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44").putObject("patient").put("id", "MRN 7|8,9&x=1");
                    ((ObjectNode) r.get("clinician")).put("id", "1245319599");
                }));
    }

    @Test
    void everyBundleTypeValidatesAsR4WithAndWithoutTheClinicsSystems() throws Exception {
        for (BundleType type : BundleType.values()) {
            assertThat(errors(bundle(type, CLINIC, everyKind()))).as(type.text()).isEmpty();
            assertThat(errors(bundle(type, IdentifierSystems.NONE, everyKind()))).as(type.text() + " without systems").isEmpty();
            assertThat(errors(bundle(type, CLINIC, List.of()))).as(type.text() + " empty").isEmpty();
        }
    }

    @Test
    void aTransactionCreatesOrUpdatesEachResourceByItsIdentifierAndFindsThePatientByTheirs() throws Exception {
        String json = bundle(BundleType.TRANSACTION, CLINIC, everyKind());
        org.hl7.fhir.r4.model.Bundle b = FhirContext.forR4Cached().newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Bundle.class, json);

        assertThat(b.getType()).isEqualTo(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION);
        // per session a Procedure and one Observation per pain score the record holds (the fourth has no "after")
        assertThat(b.getEntry()).extracting(e -> e.getResource().fhirType()).containsExactly(
                "Procedure", "Observation", "Observation", "Procedure", "Observation", "Observation",
                "Procedure", "Observation", "Procedure", "Observation", "Procedure", "Observation", "Observation");
        for (var e : b.getEntry()) {
            var id = ((org.hl7.fhir.r4.model.Identifier) e.getResource().getNamedProperty("identifier").getValues().get(0));
            assertThat(e.getRequest().getMethod().toCode()).isEqualTo("PUT");
            assertThat(e.getRequest().getUrl()).isEqualTo(e.getResource().fhirType()
                    + "?identifier=urn:ietf:rfc:3986|" + id.getValue());
            assertThat(e.getFullUrl()).isEqualTo(id.getValue());
        }
        // a conditional update takes the server's id for the resource; one of ours would clash
        assertThat(json).doesNotContain("\"id\" :");
        var procedure = (org.hl7.fhir.r4.model.Procedure) b.getEntry().get(0).getResource();
        assertThat(procedure.getSubject().getReference()).isEqualTo("Patient?identifier=urn:oid:1.2.36.146.595.217.0.1|MRN-12345");
        assertThat(procedure.getPerformerFirstRep().getActor().getReference())
                .isEqualTo("Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|1234567893");
        var before = (org.hl7.fhir.r4.model.Observation) b.getEntry().get(1).getResource();
        var after = (org.hl7.fhir.r4.model.Observation) b.getEntry().get(2).getResource();
        assertThat(before.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(before.getCode().getCodingFirstRep().getCode()).isEqualTo("72514-3");
        assertThat(before.getValueIntegerType().getValue()).isEqualTo(6);
        assertThat(after.getValueIntegerType().getValue()).isEqualTo(3);
        assertThat(before.getPartOfFirstRep().getReference()).isEqualTo(b.getEntry().get(0).getFullUrl());
        assertThat(before.getSubject().getReference()).isEqualTo(procedure.getSubject().getReference());
        // escaped as FHIR search asks: a backslash before | and , then URL-encoded
        var odd = (org.hl7.fhir.r4.model.Procedure) b.getEntry().get(10).getResource();
        assertThat(odd.getSubject().getReference())
                .isEqualTo("Patient?identifier=urn:oid:1.2.36.146.595.217.0.1|MRN%207%5C%7C8%5C%2C9%26x%3D1");
        // the same sessions export the same identifiers and bytes: a re-export updates, never adds
        assertThat(bundle(BundleType.TRANSACTION, CLINIC, everyKind())).isEqualTo(json);
    }

    @Test
    void catalogueMusclesAreCodedInSnomedCtWithTheirSideAndTypedOnesStayText() throws Exception {
        SessionRecord typed = record(Examples.COMPLETED, r -> {
            r.put("id", "2e3c1a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44");
            // a name the clinician typed that is not in the catalogue, and a catalogue part without a side
            RecordText.point(r, 0).put("muscle", "obliquus capitis inferior").put("listed", false);
            RecordText.point(r, 1).put("muscle", "upper trapezius").putNull("side");
        });
        String json = bundle(BundleType.COLLECTION, IdentifierSystems.NONE, List.of(record(Examples.COMPLETED, r -> { }), typed));
        org.hl7.fhir.r4.model.Bundle b = FhirContext.forR4Cached().newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Bundle.class, json);

        var sites = ((org.hl7.fhir.r4.model.Procedure) b.getEntry().get(0).getResource()).getBodySite();
        assertThat(sites).extracting(c -> c.getText()).containsExactly("upper trapezius, left", "levator scapulae, right");
        // Structure of trapezius muscle (a part is coded as its muscle), laterality left; levator scapulae, right
        assertThat(sites).extracting(c -> c.getCodingFirstRep().getSystem()).containsOnly("http://snomed.info/sct");
        assertThat(sites).extracting(c -> c.getCodingFirstRep().getCode())
                .containsExactly("31764008:272741003=7771000", "11327007:272741003=24028007");
        var other = ((org.hl7.fhir.r4.model.Procedure) b.getEntry().get(3).getResource()).getBodySite();
        assertThat(other).extracting(c -> c.getText()).containsExactly("obliquus capitis inferior, left", "upper trapezius");
        assertThat(other.get(0).getCoding()).isEmpty();
        assertThat(other.get(1).getCodingFirstRep().getCode()).isEqualTo("31764008");
        assertThat(errors(json)).isEmpty();
    }

    @Test
    void deidentifiedAndPseudonymisedBundlesValidateToo() throws Exception {
        var pseudonyms = new dev.tdn.store.Pseudonyms(
                java.util.Map.of("MRN-12345", "P-7K3M9Q2XJ4TD", "MRN-20931", "P-0000000000AB", "MRN-30077", "P-1111111111CD",
                        "MRN 7|8,9&x=1", "P-2222222222EF"),
                java.util.Map.of("1234567893", "C-3333333333GH", "1245319599", "C-4444444444JK"));
        for (BundleType type : BundleType.values()) {
            for (Disclosure d : List.of(Disclosure.deidentified(null), Disclosure.deidentified(pseudonyms),
                    Disclosure.pseudonymised(pseudonyms))) {
                StringWriter out = new StringWriter();
                Export export = ExportFormat.FHIR.open(out, new ExportChoices(CLINIC, type, d));
                for (SessionRecord r : everyKind()) {
                    export.add(r);
                }
                export.finish();
                assertThat(errors(out.toString())).as(type.text()).isEmpty();
                // a pseudonym is not an MRN or an NPI: it never carries the clinic's systems
                assertThat(out.toString()).doesNotContain("urn:oid:1.2.36").doesNotContain(Npi.SYSTEM);
            }
        }
    }

    @Test
    void controlAndBidiCharactersTypedIntoARecordNeverReachTheEhr() throws Exception {
        String json = bundle(IdentifierSystems.NONE, List.of(record(Examples.COMPLETED, r -> {
            r.put("notes", "line one\u001b[2J\nline \u202eowt");
            RecordText.point(r, 0).put("muscle", "upper\u0007 trapezius").put("listed", false);
        })));

        assertThat(json).doesNotContain("\\u001B").doesNotContain("\\u0007").doesNotContain("\u202e")
                .contains("line one\uFFFD[2J\\nline \uFFFDowt").contains("upper\uFFFD trapezius");
        assertThat(errors(json)).isEmpty();
        assertThat(warnings(json)).noneMatch(w -> w.contains("illegal") || w.contains("bi-di") || w.contains("bidi"));
    }

    @Test
    void anNpiIsTenDigitsWithItsCheckDigit() {
        assertThat(Npi.valid("1234567893")).isTrue();
        assertThat(Npi.valid("1245319599")).isTrue();
        assertThat(Npi.valid("1234567890")).isFalse();
        assertThat(Npi.valid("pt-0042")).isFalse();
        assertThat(Npi.valid("123456789")).isFalse();
        assertThat(Npi.valid("12345678931")).isFalse();
        // its check digit holds, but no NPI begins with 0
        assertThat(Npi.valid("0000000006")).isFalse();
    }

    @Test
    void theValidatorFindsWhatR4Forbids() throws Exception {
        String good = bundle(IdentifierSystems.NONE, List.of(record(Examples.COMPLETED, r -> { })));

        // Procedure.status is 1..1, and a narrative must be XHTML
        assertThat(errors(good.replaceFirst("\"status\" : \"completed\",", ""))).isNotEmpty();
        assertThat(errors(good.replace("<p>", "<script>").replace("</p>", "</script>"))).isNotEmpty();
    }
}
