package dev.tdn.export;

/**
 * The namespaces of the clinic's identifiers, as FHIR Identifier.system URIs (such as the
 * hospital's MRN system, "urn:oid:..." or "https://..."). Records hold only the values; an EHR
 * matches a patient by system and value, so a clinic that exports to one says which system its
 * ids are from. Null: not stated.
 */
public record IdentifierSystems(String patient, String clinician) {

    public static final IdentifierSystems NONE = new IdentifierSystems(null, null);

    /**
     * True for what FHIR's Identifier.system takes: an absolute URI, and for "urn:oid:" a
     * well-formed OID (the R4 validator rejects "urn:oid:1.02.3").
     */
    public static boolean isSystem(String text) {
        try {
            boolean oid = text.startsWith("urn:oid:");
            return new java.net.URI(text).isAbsolute() && (!oid || text.substring(8).matches("[0-2](\\.(0|[1-9][0-9]*))+"));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** This pair, with the other's systems where this one states none. */
    public IdentifierSystems or(IdentifierSystems defaults) {
        return new IdentifierSystems(patient != null ? patient : defaults.patient(),
                clinician != null ? clinician : defaults.clinician());
    }
}
