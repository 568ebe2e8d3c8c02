package dev.tdn.record;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import dev.tdn.json.Document;
import dev.tdn.json.JsonTree;
import dev.tdn.json.JsonPath;
import dev.tdn.json.LocatedJson;
import dev.tdn.json.SchemaCheck;
import dev.tdn.json.Utf8Text;
import dev.tdn.json.Violation;

/**
 * Checks one document in three layers, each only when the one before passed: well-formed JSON
 * within the hardening limits, the v1 schema, then {@link RecordRules}. The same checks serve
 * {@code tdn validate} and {@code tdn import}, so a record one accepts the other accepts.
 */
public final class RecordValidator {

    public static final String SCHEMA = "/schema/session-record-v1.json";

    private final SchemaCheck schema;

    public RecordValidator(SchemaCheck schema) {
        this.schema = schema;
    }

    public static RecordValidator load() {
        return new RecordValidator(SchemaCheck.load(SCHEMA));
    }

    public CheckedRecord check(Document doc) {
        // most records are valid: parse plainly first, and again with locations only when there
        // is a problem to place (locations cost a node per value, and imports are mostly valid)
        JsonNode plain;
        try {
            // Jackson would read UTF-16 and UTF-32 too; only UTF-8 takes the quick way
            // read without the record mapper, which a valid record never needs (src/bench/README.md)
            plain = Utf8Text.check(doc.bytes()) == null ? JsonTree.read(RecordJson.factory(), doc.bytes()) : null;
        } catch (JacksonException e) {
            plain = null;
        }
        if (plain != null && !plain.isMissingNode()) {
            List<Violation> violations = schema.check(plain);
            if (violations.isEmpty()) {
                try {
                    SessionRecord record = RecordTree.read(plain);
                    violations = RecordRules.check(record);
                    if (violations.isEmpty()) {
                        return new CheckedRecord(doc, record, List.of());
                    }
                } catch (JacksonException e) {
                    // the schema and the model disagree: a bug in tdn, not in the record
                    violations = List.of(new Violation(JsonPath.ROOT, "schema", "record could not be read into the model"));
                }
            }
            // placed by reading the bytes again as a stream: a located tree of a large record
            // held every value twice over (src/bench/README.md, hostile records)
            plain = null;
            return new CheckedRecord(doc, null, LocatedJson.placeByReading(RecordJson.mapper(), doc, violations));
        }
        ObjectMapper mapper = RecordJson.mapper();
        LocatedJson.Parsed parsed = LocatedJson.parse(mapper, doc);
        if (!parsed.ok()) {
            return new CheckedRecord(doc, null, List.of(parsed.problem()));
        }
        List<Violation> violations = schema.check(parsed.tree());
        SessionRecord record = null;
        if (violations.isEmpty()) {
            try {
                record = mapper.treeToValue(parsed.tree(), SessionRecord.class);
                violations = RecordRules.check(record);
            } catch (JacksonException e) {
                // the schema and the model disagree: a bug in tdn, not in the record
                violations = List.of(new Violation(JsonPath.ROOT, "schema", "record could not be read into the model"));
            }
        }
        if (violations.isEmpty()) {
            return new CheckedRecord(doc, record, List.of());
        }
        return new CheckedRecord(doc, null, LocatedJson.place(doc, parsed.tree(), violations));
    }
}
