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

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Identifier(String system, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Coding(String system, String code, String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record CodeableConcept(List<Coding> coding, String text) {
        static CodeableConcept text(String text) {
            return new CodeableConcept(List.of(), text);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"type", "identifier", "display"})
    record Reference(String type, Identifier identifier, String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Period(String start, String end) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Annotation(String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Meta(List<Coding> tag) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Performer(Reference actor) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"resourceType", "id", "meta", "text", "identifier", "status", "statusReason", "code", "subject",
        "performedPeriod", "performer", "bodySite", "complication", "note"})
    record Procedure(String resourceType, String id, Meta meta, Narrative text, List<Identifier> identifier, String status, CodeableConcept statusReason,
            CodeableConcept code, Reference subject, Period performedPeriod, List<Performer> performer,
            List<CodeableConcept> bodySite, List<CodeableConcept> complication, List<Annotation> note) {
    }

    /** Narrative: XHTML a person reads in the receiving system; "generated" from the coded data. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Narrative(String status, String div) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Entry(String fullUrl, Procedure resource) {
    }
}
