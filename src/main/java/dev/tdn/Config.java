package dev.tdn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.tdn.export.IdentifierSystems;
import dev.tdn.json.Document;
import dev.tdn.json.JsonTree;
import dev.tdn.json.Utf8Text;
import dev.tdn.json.JsonPath;
import dev.tdn.json.LocatedJson;
import dev.tdn.json.Problem;
import dev.tdn.json.SchemaCheck;
import dev.tdn.json.Violation;
import dev.tdn.record.Clinician;
import dev.tdn.record.RecordJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The clinician's defaults, {@code config.json} in the config folder: who they are, which
 * protocol and which needle they usually use, the namespaces of the clinic's ids for FHIR
 * exports, and the clinic store (when --store and TDN_STORE are silent). Every field may be left out.
 *
 * <pre>
 * { "clinician": { "id": "pt-0042", "name": "A. Rivera", "credentials": "PT, DPT" },
 *   "protocol": "standard",
 *   "needle": { "lengthMm": 30, "gaugeMm": 0.25 },
 *   "fhir": { "patientSystem": "urn:oid:2.16.840.1.113883.19.5", "clinicianSystem": "http://hl7.org/fhir/sid/us-npi" },
 *   "store": "jdbc:postgresql://db.clinic.example/tdn?user=tdn_room&sslmode=verify-full" }
 * </pre>
 */
public record Config(Clinician clinician, String protocol, Needle needle, Fhir fhir, String store) {

    public record Needle(double lengthMm, double gaugeMm) {
    }

    /** Identifier.system URIs for `tdn export --format fhir`. */
    public record Fhir(String patientSystem, String clinicianSystem) {
    }

    public static final Config EMPTY = new Config(null, null, null, null, null);

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

    /** The schema {@code config.json} is checked against, as records and protocols are against theirs. */
    public static final String SCHEMA = "/schema/config-v1.json";

    /** Far more than any real config; a larger file is refused before it is read. */
    public static final int MAX_BYTES = 64 * 1024;

    /**
     * Reads the file if there is one; no file means no defaults. A file that is not valid is 65,
     * one that is not a regular file 66, one that cannot be read 74.
     */
    public static Config load(Path file) throws TdnException {
        if (!Files.exists(file)) {
            return EMPTY;
        }
        String refusal = InputFile.refusal(file);
        if (refusal != null) {
            throw new TdnException(ExitCode.NO_INPUT, "config: " + file + ": " + refusal);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // at most one byte past the limit: a 2 GiB file is noticed, not read
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new TdnException(ExitCode.IO_ERR, "config: " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        Document doc = new Document(file.toString(), 1, bytes);
        if (bytes.length > MAX_BYTES) {
            throw new Invalid(new Problem(doc.source(), 1, 1, JsonPath.ROOT.toString(), "too-large",
                    "config file is larger than " + MAX_BYTES / 1024 + " KiB"));
        }
        return read(doc);
    }

    /** The settings in {@code doc}, or why they cannot be used. */
    static Config read(Document doc) throws Invalid {
        // a valid file is read without the record mapper (ConfigTree); the located path says why one is not
        Config plain = plain(doc);
        if (plain != null) {
            return plain;
        }
        LocatedJson.Parsed parsed = LocatedJson.parse(RecordJson.mapper(), doc);
        if (!parsed.ok()) {
            throw new Invalid(parsed.problem());
        }
        List<Violation> violations = Schema.CHECK.check(parsed.tree());
        if (!violations.isEmpty()) {
            throw new Invalid(LocatedJson.place(doc, parsed.tree(), violations).get(0));
        }
        try {
            Config config = RecordJson.mapper().treeToValue(parsed.tree(), Config.class);
            if (config.fhir() != null) {
                checkSystem(doc, parsed, "patientSystem", config.fhir().patientSystem());
                checkSystem(doc, parsed, "clinicianSystem", config.fhir().clinicianSystem());
            }
            return config;
        } catch (JacksonException e) {
            // the schema and the model disagree: a bug in tdn, reported as one without the file's content
            throw new Invalid(place(doc, parsed, JsonPath.ROOT, "config could not be read into the settings"));
        }
    }

    /** The settings when the file passes every check and is in the common form; else null. */
    private static Config plain(Document doc) {
        try {
            if (Utf8Text.check(doc.bytes()) != null) {
                return null;
            }
            JsonNode tree = JsonTree.read(RecordJson.factory(), doc.bytes());
            if (tree.isMissingNode() || !Schema.CHECK.check(tree).isEmpty()) {
                return null;
            }
            Config config = ConfigTree.common(tree);
            if (config != null && config.fhir() != null && (!systemOrNone(config.fhir().patientSystem())
                    || !systemOrNone(config.fhir().clinicianSystem()))) {
                return null;
            }
            return config;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean systemOrNone(String uri) {
        return uri == null || IdentifierSystems.isSystem(uri);
    }

    /** Built once, on the first config read: building it took longer than reading the file. */
    private static final class Schema {
        static final SchemaCheck CHECK = SchemaCheck.load(SCHEMA);
    }

    private static void checkSystem(Document doc, LocatedJson.Parsed parsed, String field, String uri) throws Invalid {
        if (uri != null && !IdentifierSystems.isSystem(uri)) {
            throw new Invalid(place(doc, parsed, JsonPath.ROOT.field("fhir").field(field),
                    "must be an absolute URI, such as urn:oid:2.16.840.1.113883.19.5", "absolute-uri"));
        }
    }

    private static Problem place(Document doc, LocatedJson.Parsed parsed, JsonPath path, String message) {
        return place(doc, parsed, path, message, "config");
    }

    private static Problem place(Document doc, LocatedJson.Parsed parsed, JsonPath path, String message, String rule) {
        return LocatedJson.place(doc, parsed.tree(), List.of(new Violation(path, rule, message))).get(0);
    }
}
