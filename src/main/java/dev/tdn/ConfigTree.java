package dev.tdn;

import static dev.tdn.json.CommonForm.doubleValue;
import static dev.tdn.json.CommonForm.fields;
import static dev.tdn.json.CommonForm.object;
import static dev.tdn.json.CommonForm.string;

import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.tdn.record.Clinician;

/**
 * Reads {@code config.json} from its JSON tree without Jackson's data binding, as records and
 * protocols are read ({@code RecordTree}): once a clinician has run {@code tdn config init}, every
 * command that takes a default from the file built the record mapper for it, 30 ms of an
 * import's start-up (src/bench/README.md). Only the common form; else null, and {@link Config}
 * reads the file as it always did.
 */
final class ConfigTree {

    private ConfigTree() {
    }

    private static final Set<String> CONFIG = Set.of("clinician", "protocol", "needle", "fhir", "store");
    private static final Set<String> CLINICIAN = Set.of("id", "name", "credentials");
    private static final Set<String> NEEDLE = Set.of("lengthMm", "gaugeMm");
    private static final Set<String> FHIR = Set.of("patientSystem", "clinicianSystem");

    /** The settings, when the tree holds them in the common form; else null. */
    static Config common(JsonNode n) {
        try {
            fields(n, CONFIG);
            return new Config(object(n.get("clinician"), ConfigTree::clinician), string(n.get("protocol")),
                    object(n.get("needle"), ConfigTree::needle), object(n.get("fhir"), ConfigTree::fhir),
                    string(n.get("store")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Clinician clinician(JsonNode n) {
        fields(n, CLINICIAN);
        return new Clinician(string(n.get("id")), string(n.get("name")), string(n.get("credentials")));
    }

    private static Config.Needle needle(JsonNode n) {
        fields(n, NEEDLE);
        return new Config.Needle(doubleValue(n.get("lengthMm")), doubleValue(n.get("gaugeMm")));
    }

    private static Config.Fhir fhir(JsonNode n) {
        fields(n, FHIR);
        return new Config.Fhir(string(n.get("patientSystem")), string(n.get("clinicianSystem")));
    }
}
