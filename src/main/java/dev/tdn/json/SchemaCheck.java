package dev.tdn.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON Schema (draft 2020-12) applied by {@link SchemaRules}, which finds what networknt's
 * validator finds without its start-up. Messages are written here from the schema alone, as they
 * were over that library, whose own wording may quote the offending value.
 *
 * <p>A schema names its own rules: a subschema with {@code "x-rule"} gives failures inside it
 * that rule name (such as {@code id-uuid}), and {@code "x-form"} says in words what a
 * {@code pattern} or {@code format} wants. Other failures are named by their keyword.
 */
public final class SchemaCheck {

    private final SchemaRules rules;
    private final JsonNode json;

    private SchemaCheck(SchemaRules rules, JsonNode json) {
        this.rules = rules;
        this.json = json;
    }

    /** For a test holding another engine's failures to the same words: the schema as checked here. */
    static SchemaCheck over(JsonNode schema) {
        return new SchemaCheck(new SchemaRules(schema), schema);
    }

    /** Schemas being built on a background thread, each taken by the first {@link #load} of it. */
    private static final Map<String, FutureTask<SchemaCheck>> PREPARED = new ConcurrentHashMap<>();

    /**
     * Starts building a schema's validator on a background thread, for the command's first
     * {@link #load} to take: about a fifth of a one-record command's start-up, which can run on
     * the second core while picocli reads the command line and the record is read.
     */
    public static void prepareInBackground(String resource) {
        FutureTask<SchemaCheck> task = new FutureTask<>(new Build(resource));
        if (PREPARED.putIfAbsent(resource, task) == null) {
            dev.tdn.IdleCore.run("tdn-schema-prepare", task);
        }
    }

    /** A class rather than a lambda: linking a lambda the start-up archive has not seen costs more than this saves. */
    private record Build(String resource) implements Callable<SchemaCheck> {
        @Override
        public SchemaCheck call() {
            return build(resource);
        }
    }

    /** Loads a schema from the classpath: the one {@link #prepareInBackground} built, else anew. */
    public static SchemaCheck load(String resource) {
        FutureTask<SchemaCheck> prepared = PREPARED.remove(resource);
        if (prepared != null) {
            try {
                return prepared.get();
            } catch (ExecutionException e) {
                // as building it here would have failed
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof java.lang.Error r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return build(resource);
            }
        }
        return build(resource);
    }

    private static SchemaCheck build(String resource) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is missing from the build");
            }
            return over(JsonTree.resource(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Violation> check(JsonNode document) {
        // a value can break "pattern" and "format" of one definition at once: say it once
        Set<Violation> out = new LinkedHashSet<>();
        for (Failure f : rules.check(wholeNumbersAsIntegers(document))) {
            out.add(describe(f));
        }
        return List.copyOf(out);
    }

    /** The failure in words; a test gives another engine's failures here too. */
    Violation describe(Failure e) {
        JsonPath at = e.at();
        String keyword = e.keyword() == null ? "" : e.keyword();
        String named = annotation(e, "x-rule");
        JsonNode limit = e.limit();
        return switch (keyword) {
            case "required" -> new Violation(at.field(e.property()), "missing-field", "required field is missing");
            case "additionalProperties", "unevaluatedProperties" -> new Violation(at.field(e.property()),
                    "unknown-field", "unknown field (the schema is closed: check the spelling)");
            case "type" -> nonFinite(e.instance()) ? new Violation(at, "out-of-range", "number is too large")
                    : new Violation(at, "wrong-type", "must be " + typeList(limit) + ", not " + typeOf(e.instance()));
            case "enum" -> new Violation(at, rule(named, "not-allowed-value"), "must be one of: " + choices(limit));
            case "const" -> new Violation(at, rule(named, "not-allowed-value"), "must be " + limit);
            case "minimum" -> new Violation(at, rule(named, "out-of-range"), "must be at least " + limit);
            case "maximum" -> new Violation(at, rule(named, "out-of-range"), "must be at most " + limit);
            case "exclusiveMinimum" -> new Violation(at, rule(named, "out-of-range"), "must be greater than " + limit);
            case "exclusiveMaximum" -> new Violation(at, rule(named, "out-of-range"), "must be less than " + limit);
            case "minLength" -> new Violation(at, rule(named, "bad-length"),
                    "must be at least " + limit + " character(s) long");
            case "maxLength" -> new Violation(at, rule(named, "bad-length"),
                    "must be at most " + limit + " characters long");
            case "maxItems" -> new Violation(at, rule(named, "bad-list"), "must have at most " + limit + " items");
            case "minItems" -> new Violation(at, rule(named, "bad-list"), "must have at least " + limit + " items");
            case "uniqueItems" -> new Violation(at, rule(named, "bad-list"), "must not list the same value twice");
            case "pattern", "format" -> new Violation(at, rule(named, "bad-format"),
                    Objects.requireNonNullElse(annotation(e, "x-form"), "does not have the required form"));
            default -> new Violation(at, rule(named, "schema"), "breaks the schema's '" + keyword + "' rule");
        };
    }

    private static String rule(String named, String byKeyword) {
        return named == null ? byKeyword : named;
    }

    /** The nearest {@code name} annotation on the way from the failing keyword up to the schema's root. */
    private String annotation(Failure e, String name) {
        if (e.schemaPointer() == null) {
            return null;
        }
        String pointer = e.schemaPointer();
        while (true) {
            JsonNode node = json.at(JsonPointer.compile(pointer));
            if (node.has(name)) {
                return node.get(name).asString();
            }
            if (pointer.isEmpty()) {
                return null;
            }
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
        }
    }

    /** 2^63: from here on a floating-point value is always whole, and no longer fits a {@code long}. */
    private static final double LONG_RANGE = 0x1p63;

    /**
     * The document with each floating-point number beyond a {@code long} ({@code 1e300},
     * {@code -1e19}) as the same whole number written out. The validator compares a number with an
     * integer {@code minimum} or {@code maximum} through {@code longValue()} (as {@link SchemaRules}
     * does, to find what it found), which for such a value throws (Jackson's JsonNodeException)
     * instead of answering: the record would end in an
     * internal error (exit 1) rather than in "must be at most 10". JSON Schema counts 1e300 as an
     * integer anyway, so the value the schema sees is the same number. The document is copied
     * only when it holds such a number; the original is what the caller goes on with.
     */
    static JsonNode wholeNumbersAsIntegers(JsonNode document) {
        return hasHugeFloat(document) ? widened(document.deepCopy()) : document;
    }

    private static boolean isHugeFloat(JsonNode node) {
        if (!node.isFloatingPointNumber()) {
            return false;
        }
        double v = node.doubleValue();
        return Double.isFinite(v) && Math.abs(v) >= LONG_RANGE;
    }

    private static boolean hasHugeFloat(JsonNode node) {
        if (isHugeFloat(node)) {
            return true;
        }
        if (node.isContainer()) {
            for (JsonNode child : node) {
                if (hasHugeFloat(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode widened(JsonNode node) {
        if (isHugeFloat(node)) {
            BigDecimal exact = node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.doubleValue());
            return JsonNodeFactory.instance.numberNode(exact.toBigInteger());
        }
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                object.set(name, widened(object.get(name)));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, widened(array.get(i)));
            }
        }
        return node;
    }

    /** 1e400 reads as infinity, which no schema type admits; it is a range problem, not a type one. */
    private static boolean nonFinite(JsonNode node) {
        return node != null && node.isNumber() && !Double.isFinite(node.asDouble());
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
