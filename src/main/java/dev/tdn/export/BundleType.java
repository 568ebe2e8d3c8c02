package dev.tdn.export;

import java.util.Locale;

/** The Bundle.type of a FHIR export. */
public enum BundleType {
    /**
     * A set of resources to keep or read: what a file of record is. A server stores it as one
     * document and processes none of its entries.
     */
    COLLECTION,
    /**
     * Instructions a server carries out all or nothing: each Procedure and Observation created or
     * updated by its identifier (so a re-export never duplicates), the patient and clinician
     * found among the server's own resources by their identifiers.
     */
    TRANSACTION;

    /** The name on the command line and in Bundle.type. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
