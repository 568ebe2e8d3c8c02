package dev.tdn.export;

/**
 * What an export is asked for beyond its format: what of each record may leave, and, for FHIR
 * only, the identifier systems and the Bundle's type.
 */
public record ExportChoices(IdentifierSystems systems, BundleType bundle, Disclosure disclosure) {

    public ExportChoices(IdentifierSystems systems, BundleType bundle) {
        this(systems, bundle, Disclosure.AS_STORED);
    }
}
