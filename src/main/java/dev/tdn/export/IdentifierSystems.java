package dev.tdn.export;

/**
 * The namespaces of the clinic's identifiers, as FHIR Identifier.system URIs (such as the
 * hospital's MRN system, "urn:oid:..." or "https://..."). Records hold only the values; an EHR
 * matches a patient by system and value, so a clinic that exports to one says which system its
 * ids are from. Null: not stated.
 */
public record IdentifierSystems(String patient, String clinician) {

    public static final IdentifierSystems NONE = new IdentifierSystems(null, null);
}
