package dev.tdn.export;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The part of FHIR R4 an export needs, as data. FHIR forbids empty strings, arrays and objects,
 * hence NON_EMPTY everywhere. Element names and their order follow the R4 specification
 * (hl7.org/fhir/R4/procedure.html).
 */
final class Fhir {

    private Fhir() {
    }

    /**
     * Text from a record as FHIR may carry it: R4's string allows no control character but tab,
     * CR and LF, and a bidi override would make a receiving system show other text than it holds;
     * each becomes U+FFFD, as on tdn's screens, so a reader sees that something was there.
     */
    static String text(String s) {
        return s == null ? null : dev.tdn.Printable.lines(s);
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Identifier(String system, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Coding(String system, String code, String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record CodeableConcept(List<Coding> coding, String text) {
        CodeableConcept {
            text = Fhir.text(text);
        }

        static CodeableConcept text(String text) {
            return new CodeableConcept(List.of(), text);
        }
    }

    /**
     * {@code reference} is a relative URL: a search by identifier ("Patient?identifier=system|value",
     * a conditional reference, which a server resolves to its own resource when it processes a
     * transaction) or another entry's fullUrl.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"reference", "type", "identifier", "display"})
    record Reference(String reference, String type, Identifier identifier, String display) {
        Reference {
            display = Fhir.text(display);
        }

        static Reference to(String fullUrl) {
            return new Reference(fullUrl, null, null, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Period(String start, String end) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Annotation(String text) {
        Annotation {
            text = Fhir.text(text);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Meta(List<Coding> tag) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Performer(Reference actor) {
    }

    /** What an entry can hold. */
    sealed interface Resource permits Procedure, Observation {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"resourceType", "id", "meta", "text", "identifier", "status", "statusReason", "code", "subject",
        "performedPeriod", "performer", "bodySite", "complication", "note"})
    record Procedure(String resourceType, String id, Meta meta, Narrative text, List<Identifier> identifier, String status, CodeableConcept statusReason,
            CodeableConcept code, Reference subject, Period performedPeriod, List<Performer> performer,
            List<CodeableConcept> bodySite, List<CodeableConcept> complication, List<Annotation> note) implements Resource {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"resourceType", "id", "meta", "text", "identifier", "partOf", "status", "category", "code",
        "subject", "effectiveDateTime", "performer", "valueInteger"})
    record Observation(String resourceType, String id, Meta meta, Narrative text, List<Identifier> identifier,
            List<Reference> partOf, String status, List<CodeableConcept> category, CodeableConcept code, Reference subject,
            String effectiveDateTime, List<Reference> performer, Integer valueInteger) implements Resource {
    }

    /** How a transaction's server is to apply an entry (R4 Bundle.entry.request). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"method", "url"})
    record Request(String method, String url) {
    }

    /** Narrative: XHTML a person reads in the receiving system; "generated" from the coded data. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Narrative(String status, String div) {
        Narrative {
            div = Fhir.text(div);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"fullUrl", "resource", "request"})
    record Entry(String fullUrl, Resource resource, Request request) {
    }
}
