package dev.tdn.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The v1 JSON Schema, applied with networknt's validator. Its messages are rewritten here from
 * the schema alone, because the library's own wording may quote the offending value.
 */
public final class SchemaCheck {

    public static final String RESOURCE = "/schema/session-record-v1.json";

    /** Rules named after a definition in the schema; any other failure is named by its keyword. */
    private static final Map<String, String> RULE_OF_DEFINITION = Map.of(
            "uuid", "id-uuid",
            "timestamp", "timestamp-with-offset",
            "timestampOrNull", "timestamp-with-offset",
            "seconds", "durations-nonnegative");

    private static final Map<String, String> FORM_OF_DEFINITION = Map.of(
            "uuid", "must be a UUID (8-4-4-4-12 hexadecimal digits)",
            "timestampOrNull", "must be an ISO-8601 date-time with offset, such as 2026-11-26T14:03:11.204-06:00",
            "identifier", "must be 1-64 printable characters, no control characters",
            "key", "must be a lower-case key: a-z, 0-9 and '-'");

    /** For patterns on single fields, said by the field's name. */
    private static final Map<String, String> FORM_OF_FIELD = Map.of(
            "sha256", "must be 64 lower-case hexadecimal digits",
            "type", "must be a dotted lower-case event type, such as needle.inserted",
            "name", "must be a lower-case name: a-z, 0-9 and '-'");

    private static final Pattern DEFINITION = Pattern.compile("/\\$defs/([A-Za-z]+)");

    private final Schema schema;

    private SchemaCheck(Schema schema) {
        this.schema = schema;
    }

    public static SchemaCheck load() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema " + RESOURCE + " is missing from the build");
            }
            JsonNode node = JsonMapper.shared().readTree(in);
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_PATH)
                            .build()));
            return new SchemaCheck(registry.getSchema(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Violation> check(JsonNode record) {
        // a value can break "pattern" and "format" of one definition at once: say it once
        Set<Violation> out = new LinkedHashSet<>();
        for (Error e : schema.validate(record)) {
            out.add(describe(e));
        }
        return List.copyOf(out);
    }

    private static Violation describe(Error e) {
        JsonPath at = toPath(e.getInstanceLocation());
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        String definition = definitionOf(e);
        JsonNode limit = e.getSchemaNode();
        return switch (keyword) {
            case "required" -> new Violation(at.field(e.getProperty()), "missing-field", "required field is missing");
            case "additionalProperties", "unevaluatedProperties" -> new Violation(at.field(e.getProperty()),
                    "unknown-field", "unknown field (schema v1 is closed: check the spelling)");
            case "type" -> nonFinite(e.getInstanceNode()) ? new Violation(at, "out-of-range", "number is too large")
                    : new Violation(at, "wrong-type",
                    "must be " + typeList(limit) + ", not " + typeOf(e.getInstanceNode()));
            case "enum" -> new Violation(at, rule(definition, "not-allowed-value"), "must be one of: " + choices(limit));
            case "const" -> new Violation(at, rule(definition, "not-allowed-value"), "must be " + limit);
            case "minimum" -> new Violation(at, rule(definition, "out-of-range"), "must be at least " + limit);
            case "maximum" -> new Violation(at, rule(definition, "out-of-range"), "must be at most " + limit);
            case "exclusiveMinimum" -> new Violation(at, rule(definition, "out-of-range"), "must be greater than " + limit);
            case "exclusiveMaximum" -> new Violation(at, rule(definition, "out-of-range"), "must be less than " + limit);
            case "minLength" -> new Violation(at, rule(definition, "bad-length"),
                    "must be at least " + limit + " character(s) long");
            case "maxLength" -> new Violation(at, rule(definition, "bad-length"),
                    "must be at most " + limit + " characters long");
            case "maxItems" -> new Violation(at, rule(definition, "bad-list"), "must have at most " + limit + " items");
            case "minItems" -> new Violation(at, rule(definition, "bad-list"), "must have at least " + limit + " items");
            case "uniqueItems" -> new Violation(at, rule(definition, "bad-list"), "must not list the same value twice");
            case "pattern", "format" -> new Violation(at, rule(definition, "bad-format"), form(definition, at));
            default -> new Violation(at, rule(definition, "schema"), "breaks the schema's '" + keyword + "' rule");
        };
    }

    private static String form(String definition, JsonPath at) {
        if (definition != null && FORM_OF_DEFINITION.containsKey(definition)) {
            return FORM_OF_DEFINITION.get(definition);
        }
        List<Object> segments = at.segments();
        Object field = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        return FORM_OF_FIELD.getOrDefault(String.valueOf(field), "does not have the required form");
    }

    private static String rule(String definition, String byKeyword) {
        return definition == null ? byKeyword : RULE_OF_DEFINITION.getOrDefault(definition, byKeyword);
    }

    /** The innermost named definition the failing keyword sits in, such as "uuid". */
    private static String definitionOf(Error e) {
        if (e.getSchemaLocation() == null) {
            return null;
        }
        Matcher m = DEFINITION.matcher(e.getSchemaLocation().toString());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    static JsonPath toPath(NodePath nodePath) {
        JsonPath path = JsonPath.ROOT;
        if (nodePath == null) {
            return path;
        }
        for (int i = 0; i < nodePath.getNameCount(); i++) {
            Object element = nodePath.getElement(i);
            path = element instanceof Integer index ? path.index(index) : path.field(String.valueOf(element));
        }
        return path;
    }

    private static String typeList(JsonNode types) {
        if (types == null) {
            return "another type";
        }
        if (!types.isArray()) {
            return article(types.asString());
        }
        StringJoiner j = new StringJoiner(" or ");
        types.forEach(t -> j.add(article(t.asString())));
        return j.toString();
    }

    private static String article(String type) {
        return switch (type) {
            case "null" -> "null";
            case "object", "array", "integer" -> "an " + type;
            default -> "a " + type;
        };
    }

    /** 1e400 reads as infinity, which no schema type admits; it is a range problem, not a type one. */
    private static boolean nonFinite(JsonNode node) {
        return node != null && node.isNumber() && !Double.isFinite(node.asDouble());
    }

    private static String typeOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a number";
            case STRING -> "a string";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "something else";
        };
    }

    private static String choices(JsonNode values) {
        if (values == null || !values.isArray()) {
            return "the listed values";
        }
        StringJoiner j = new StringJoiner(", ");
        values.forEach(v -> j.add(v.isNull() ? "null" : v.asString()));
        return j.toString();
    }
}
