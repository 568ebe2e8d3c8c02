package dev.tdn.protocol;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import dev.tdn.json.Document;
import dev.tdn.json.JsonTree;
import dev.tdn.json.Utf8Text;
import dev.tdn.json.JsonPath;
import dev.tdn.json.LocatedJson;
import dev.tdn.json.SchemaCheck;
import dev.tdn.json.Violation;
import dev.tdn.record.RecordJson;

/**
 * Checks one protocol file in the same three layers as a session record, each only when the one
 * before passed: well-formed JSON within the hardening limits, the schema, then
 * {@link ProtocolRules}. A protocol file comes from a clinic's shared folder or a download, so it
 * gets the same hardened reading as a record from another machine.
 */
public final class ProtocolValidator {

    public static final String SCHEMA = "/schema/protocol-v1.json";

    private final SchemaCheck schema;

    public ProtocolValidator(SchemaCheck schema) {
        this.schema = schema;
    }

    public static ProtocolValidator load() {
        return new ProtocolValidator(SchemaCheck.load(SCHEMA));
    }

    /**
     * @param expectedName the protocol name the file's own name promises, or null when it
     *     promises none (standard input, a path without {@code .json})
     */
    public CheckedProtocol check(Document doc, String expectedName) {
        // most protocols are valid: read them without the record mapper, which building cost a
        // third of a session's start-up, and place findings from a located tree only when there are some
        ProtocolDocument plain = plain(doc, expectedName);
        if (plain != null) {
            return new CheckedProtocol(doc, plain.toProtocol(sha256(doc.bytes())), List.of());
        }
        ObjectMapper mapper = RecordJson.mapper();
        LocatedJson.Parsed parsed = LocatedJson.parse(mapper, doc);
        if (!parsed.ok()) {
            return new CheckedProtocol(doc, null, List.of(parsed.problem()));
        }
        List<Violation> violations = schema.check(parsed.tree());
        ProtocolDocument file = null;
        if (violations.isEmpty()) {
            try {
                file = mapper.treeToValue(parsed.tree(), ProtocolDocument.class);
                violations = ProtocolRules.check(file, expectedName);
            } catch (JacksonException e) {
                // the schema and the model disagree: a bug in tdn, not in the file
                violations = List.of(new Violation(JsonPath.ROOT, "schema", "protocol could not be read into the model"));
            }
        }
        if (!violations.isEmpty()) {
            return new CheckedProtocol(doc, null, LocatedJson.place(doc, parsed.tree(), violations));
        }
        return new CheckedProtocol(doc, file.toProtocol(sha256(doc.bytes())), List.of());
    }

    /** The protocol when the document is one that passes every check; else null, for the located path to say why. */
    private ProtocolDocument plain(Document doc, String expectedName) {
        try {
            if (Utf8Text.check(doc.bytes()) != null) {
                return null;
            }
            JsonNode tree = JsonTree.read(RecordJson.factory(), doc.bytes());
            if (tree.isMissingNode() || !schema.check(tree).isEmpty()) {
                return null;
            }
            ProtocolDocument file = ProtocolTree.read(tree);
            return file != null && ProtocolRules.check(file, expectedName).isEmpty() ? file : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Lower-case hex SHA-256 of the exact bytes, so a record proves which file guided it. */
    public static String sha256(byte[] bytes) {
        return dev.tdn.Fingerprint.of(bytes);
    }
}
