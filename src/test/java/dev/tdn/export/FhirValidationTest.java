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
        StringWriter out = new StringWriter();
        Export export = ExportFormat.FHIR.open(out, systems);
        for (SessionRecord r : records) {
            export.add(r);
        }
        export.finish();
        return out.toString();
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

        String json = bundle(new IdentifierSystems("urn:oid:1.2.36.146.595.217.0.1", "http://hl7.org/fhir/sid/us-npi"),
                sessions);

        assertThat(errors(json)).isEmpty();
        assertThat(json).contains("trapezius &lt;upper&gt; &amp;");
        assertThat(errors(bundle(IdentifierSystems.NONE, List.of()))).isEmpty();
    }

    @Test
    void theValidatorFindsWhatR4Forbids() throws Exception {
        String good = bundle(IdentifierSystems.NONE, List.of(record(Examples.COMPLETED, r -> { })));

        // Procedure.status is 1..1, and a narrative must be XHTML
        assertThat(errors(good.replaceFirst("\"status\" : \"completed\",", ""))).isNotEmpty();
        assertThat(errors(good.replace("<p>", "<script>").replace("</p>", "</script>"))).isNotEmpty();
    }
}
