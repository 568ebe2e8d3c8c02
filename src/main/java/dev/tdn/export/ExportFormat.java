package dev.tdn.export;

import java.io.Writer;
import java.util.Locale;

/** The formats `tdn export --format` writes. */
public enum ExportFormat {
    /** One compact record per line, exactly the fields of the session record; `tdn import` reads it back. */
    NDJSON,
    /** One row per trigger point (one row for a session without points), for spreadsheets. */
    CSV,
    /** A FHIR R4 Bundle (collection or transaction): a Procedure per session and its pain scores as Observations. */
    FHIR;

    /** The name on the command line. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Export open(Writer out, ExportChoices choices) {
        return switch (this) {
            case NDJSON -> new NdjsonExport(out, choices.disclosure());
            case CSV -> new CsvExport(out, choices.disclosure());
            case FHIR -> new FhirBundleExport(out, choices.systems(), choices.bundle(), choices.disclosure());
        };
    }
}
