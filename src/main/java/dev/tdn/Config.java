package dev.tdn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.tdn.export.IdentifierSystems;
import dev.tdn.json.Document;
import dev.tdn.json.JsonPath;
import dev.tdn.json.LocatedJson;
import dev.tdn.json.Problem;
import dev.tdn.json.Violation;
import dev.tdn.record.Clinician;
import dev.tdn.record.RecordJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * The clinician's defaults, {@code config.json} in the config folder: who they are, which
 * protocol and which needle they usually use, and the namespaces of the clinic's ids for FHIR
 * exports. Every field may be left out.
 *
 * <pre>
 * { "clinician": { "id": "pt-0042", "name": "A. Rivera", "credentials": "PT, DPT" },
 *   "protocol": "standard",
 *   "needle": { "lengthMm": 30, "gaugeMm": 0.25 },
 *   "fhir": { "patientSystem": "urn:oid:2.16.840.1.113883.19.5", "clinicianSystem": "http://hl7.org/fhir/sid/us-npi" } }
 * </pre>
 */
public record Config(Clinician clinician, String protocol, Needle needle, Fhir fhir) {

    public record Needle(double lengthMm, double gaugeMm) {
    }

    /** Identifier.system URIs for `tdn export --format fhir`. */
    public record Fhir(String patientSystem, String clinicianSystem) {
    }

    public static final Config EMPTY = new Config(null, null, null, null);

    /** A config file that cannot be used (65); {@code problem} says where and why. */
    public static final class Invalid extends TdnException {
        private final transient Problem problem;

        public Invalid(Problem problem) {
            super(ExitCode.DATA_ERR, "config: " + problem.format());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Reads the file if there is one; no file means no defaults. A file that cannot be read is 74. */
    public static Config load(Path file) throws TdnException {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TdnException(ExitCode.IO_ERR, file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        Document doc = new Document(file.toString(), 1, bytes);
        LocatedJson.Parsed parsed = LocatedJson.parse(RecordJson.mapper(), doc);
        if (!parsed.ok()) {
            throw new Invalid(parsed.problem());
        }
        try {
            Config config = RecordJson.mapper().treeToValue(parsed.tree(), Config.class);
            if (config.needle() != null && (config.needle().lengthMm() <= 0 || config.needle().gaugeMm() <= 0)) {
                throw new Invalid(place(doc, parsed, JsonPath.ROOT.field("needle"), "needle sizes must be above 0"));
            }
            if (config.fhir() != null) {
                checkSystem(doc, parsed, "patientSystem", config.fhir().patientSystem());
                checkSystem(doc, parsed, "clinicianSystem", config.fhir().clinicianSystem());
            }
            return config;
        } catch (DatabindException e) {
            JsonPath path = JsonPath.ROOT;
            for (var ref : e.getPath()) {
                path = ref.getPropertyName() != null ? path.field(ref.getPropertyName()) : path.index(ref.getIndex());
            }
            throw new Invalid(place(doc, parsed, path, "not a known setting, or not of the right type"));
        } catch (JacksonException e) {
            throw new Invalid(place(doc, parsed, JsonPath.ROOT, "not a valid config"));
        }
    }

    private static void checkSystem(Document doc, LocatedJson.Parsed parsed, String field, String uri) throws Invalid {
        if (uri != null && !IdentifierSystems.isSystem(uri)) {
            throw new Invalid(place(doc, parsed, JsonPath.ROOT.field("fhir").field(field),
                    "must be an absolute URI, such as urn:oid:2.16.840.1.113883.19.5"));
        }
    }

    private static Problem place(Document doc, LocatedJson.Parsed parsed, JsonPath path, String message) {
        return LocatedJson.place(doc, parsed.tree(), List.of(new Violation(path, "config", message))).get(0);
    }
}
