package dev.tdn.export;

/**
 * What an export is asked for beyond its format. {@code systems} and {@code bundle} matter only
 * to FHIR.
 */
public record ExportChoices(IdentifierSystems systems, BundleType bundle) {

    public static final ExportChoices PLAIN = new ExportChoices(IdentifierSystems.NONE, BundleType.COLLECTION);
}
