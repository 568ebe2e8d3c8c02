package dev.tdn.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.JsonNodeType;

/**
 * A JSON Schema (draft 2020-12) turned into checks once, in a few milliseconds, for the keywords
 * tdn's schemas use. It stands in for networknt's validator at run time, whose building was a
 * fifth of every one-record command's start-up (src/bench/README.md), and finds exactly the
 * failures that validator finds, in its order: keywords in the schema's order with {@code type}
 * and then {@code properties} first, numbers compared as it compares them, patterns read as
 * ECMA-262 reads them. {@code SchemaRulesAgreementTest} holds the two to the same answers over
 * every example and a hundred thousand mutations of them; the published schema stays the
 * contract. A keyword it does not know stops the build, so a schema that starts using one cannot
 * pass unchecked.
 */
final class SchemaRules {

    /** One keyword of one subschema, ready to check a value. */
    private record Keyword(String name, Check check) {
    }

    @FunctionalInterface
    private interface Check {
        void check(JsonNode node, JsonPath at, List<Failure> out);
    }

    /** What a schema object says besides its checks. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title", "description",
            "default", "examples", "x-rule", "x-form");

    private final JsonNode root;
    /** Only while the constructor runs; afterwards every check is reached from {@link #top} and never changes. */
    private final Map<String, Subschema> compiled = new HashMap<>();
    private final Subschema top;

    SchemaRules(JsonNode root) {
        this.root = root;
        this.top = subschema("");
    }

    List<Failure> check(JsonNode document) {
        List<Failure> out = new ArrayList<>();
        top.check(document, JsonPath.ROOT, out);
        return out;
    }

    /** The subschema at a JSON pointer of the schema, built once however many references name it. */
    private Subschema subschema(String pointer) {
        Subschema known = compiled.get(pointer);
        if (known != null) {
            return known;
        }
        Subschema s = new Subschema();
        compiled.put(pointer, s);
        JsonNode node = pointer.isEmpty() ? root : root.at(pointer);
        if (!node.isObject()) {
            throw new IllegalStateException("schema at '" + pointer + "' is not an object");
        }
        List<Keyword> keywords = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            if (!ANNOTATIONS.contains(name)) {
                keywords.add(keyword(name, e.getValue(), node, pointer + "/" + name));
            }
        }
        // networknt's order: type, then properties, then the rest as the schema lists them (a stable sort)
        keywords.sort(Comparator.comparingInt(k -> k.name().equals("type") ? 0 : k.name().equals("properties") ? 1 : 2));
        s.keywords = List.copyOf(keywords);
        return s;
    }

    private static final class Subschema {
        List<Keyword> keywords;

        void check(JsonNode node, JsonPath at, List<Failure> out) {
            for (Keyword k : keywords) {
                k.check().check(node, at, out);
            }
        }
    }

    private Keyword keyword(String name, JsonNode value, JsonNode parent, String pointer) {
        return switch (name) {
            case "type" -> type(value, pointer);
            case "enum" -> enumeration(value, pointer);
            case "const" -> constant(value, pointer);
            case "$ref" -> reference(value, pointer);
            case "properties" -> properties(value, pointer);
            case "additionalProperties" -> additionalProperties(value, parent, pointer);
            case "required" -> required(value, pointer);
            case "items" -> items(value, pointer);
            case "minItems", "maxItems" -> itemCount(name, value, pointer);
            case "uniqueItems" -> uniqueItems(value, pointer);
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> bound(name, value, parent, pointer);
            case "minLength", "maxLength" -> length(name, value, pointer);
            case "pattern" -> pattern(value, pointer);
            case "format" -> format(value, pointer);
            default -> throw new IllegalStateException("schema keyword '" + name + "' at '" + pointer
                    + "' is not one tdn's schema checks know");
        };
    }

    // ---- types, as networknt's TypeFactory and JsonNodeTypes read them ----

    private enum Type { OBJECT, ARRAY, STRING, NUMBER, INTEGER, BOOLEAN, NULL, ANY, UNKNOWN }

    private static Type schemaType(JsonNode n) {
        if (!n.isString()) {
            return Type.UNKNOWN;
        }
        return switch (n.asString()) {
            case "object" -> Type.OBJECT;
            case "array" -> Type.ARRAY;
            case "string" -> Type.STRING;
            case "number" -> Type.NUMBER;
            case "integer" -> Type.INTEGER;
            case "boolean" -> Type.BOOLEAN;
            case "any" -> Type.ANY;
            case "null" -> Type.NULL;
            default -> Type.UNKNOWN;
        };
    }

    private static Type valueType(JsonNode node) {
        if (node == null) {
            return Type.UNKNOWN;
        }
        JsonNodeType t = node.getNodeType();
        return switch (t) {
            case OBJECT -> Type.OBJECT;
            case ARRAY -> Type.ARRAY;
            case STRING, BINARY, POJO -> Type.STRING;
            case NUMBER -> node.isIntegralNumber() ? Type.INTEGER : nonFinite(node) ? Type.UNKNOWN : Type.NUMBER;
            case BOOLEAN -> Type.BOOLEAN;
            case NULL -> Type.NULL;
            default -> Type.UNKNOWN;
        };
    }

    static boolean nonFinite(JsonNode node) {
        return node.isFloatingPointNumber() && !node.isBigDecimal() && !node.isBigInteger()
                && !Double.isFinite(node.doubleValue());
    }

    private static boolean isType(JsonNode node, Type wanted) {
        Type found = valueType(node);
        if (found == wanted) {
            return true;
        }
        if (wanted == Type.NUMBER && found == Type.INTEGER) {
            return true;
        }
        if (wanted == Type.INTEGER && found == Type.NUMBER && node.canConvertToExactIntegral()) {
            return true;
        }
        return wanted == Type.ANY;
    }

    private static boolean isNumber(JsonNode node) {
        return node.isNumber() && !nonFinite(node);
    }

    private static boolean declaresType(JsonNode parent, String type) {
        JsonNode t = parent.get("type");
        if (t == null) {
            return false;
        }
        if (t.isString()) {
            return type.equals(t.asString());
        }
        if (t.isArray()) {
            for (JsonNode item : t) {
                if (item.isString() && type.equals(item.asString())) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- the keywords ----

    private Keyword type(JsonNode value, String pointer) {
        if (value.isArray()) {
            List<Type> types = new ArrayList<>();
            for (JsonNode t : value) {
                if (!t.isString()) {
                    throw new IllegalStateException("a type list of schemas at '" + pointer + "' is not supported");
                }
                types.add(schemaType(t));
            }
            return new Keyword("type", (node, at, out) -> {
                for (Type t : types) {
                    if (isType(node, t)) {
                        return;
                    }
                }
                out.add(new Failure("type", at, null, value, pointer, node));
            });
        }
        Type wanted = schemaType(value);
        return new Keyword("type", (node, at, out) -> {
            if (!isType(node, wanted)) {
                out.add(new Failure("type", at, null, value, pointer, node));
            }
        });
    }

    /** A value as networknt compares it with enum members: numbers by value, in arrays too. */
    private static JsonNode comparable(JsonNode n) {
        if (n.isNumber()) {
            if (nonFinite(n)) {
                return n.isDouble() ? n : DoubleNode.valueOf(n.doubleValue());
            }
            return DecimalNode.valueOf(n.decimalValue().stripTrailingZeros());
        }
        if (n.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : n) {
                copy.add(item.isNumber() || item.isArray() ? comparable(item) : item);
            }
            return copy;
        }
        return n;
    }

    private static Keyword enumeration(JsonNode value, String pointer) {
        Set<JsonNode> allowed = new HashSet<>();
        if (value.isArray()) {
            for (JsonNode n : value) {
                allowed.add(comparable(n));
            }
        }
        return new Keyword("enum", (node, at, out) -> {
            if (!allowed.contains(comparable(node))) {
                out.add(new Failure("enum", at, null, value, pointer, node));
            }
        });
    }

    private static Keyword constant(JsonNode value, String pointer) {
        return new Keyword("const", (node, at, out) -> {
            boolean differs;
            if (value.isNumber() && node.isNumber()) {
                boolean a = nonFinite(value);
                boolean b = nonFinite(node);
                differs = a != b || (a ? Double.compare(value.doubleValue(), node.doubleValue()) != 0
                        : value.decimalValue().compareTo(node.decimalValue()) != 0);
            } else {
                differs = !value.equals(node);
            }
            if (differs) {
                out.add(new Failure("const", at, null, value, pointer, node));
            }
        });
    }

    private Keyword reference(JsonNode value, String pointer) {
        String ref = value.asString();
        if (!ref.startsWith("#")) {
            throw new IllegalStateException("only references inside the schema are supported, not '" + ref + "'");
        }
        // built now, with the rest: an import checks on every core at once, so nothing may be
        // built on first use (a definition that refers to itself finds itself registered)
        Subschema target = subschema(ref.substring(1));
        return new Keyword("$ref", target::check);
    }

    private Keyword properties(JsonNode value, String pointer) {
        Map<String, Subschema> each = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            each.put(e.getKey(), subschema(pointer + "/" + escaped(e.getKey())));
        }
        return new Keyword("properties", (node, at, out) -> {
            if (!node.isObject()) {
                return;
            }
            for (Map.Entry<String, Subschema> e : each.entrySet()) {
                JsonNode v = node.get(e.getKey());
                if (v != null) {
                    e.getValue().check(v, at.field(e.getKey()), out);
                }
            }
        });
    }

    private Keyword additionalProperties(JsonNode value, JsonNode parent, String pointer) {
        Set<String> listed = new HashSet<>();
        JsonNode props = parent.get("properties");
        if (props != null) {
            props.propertyNames().forEach(listed::add);
        }
        if (parent.has("patternProperties")) {
            throw new IllegalStateException("patternProperties at '" + pointer + "' is not supported");
        }
        Subschema schema = value.isObject() ? subschema(pointer) : null;
        boolean allowed = value.isBoolean() ? value.booleanValue() : value.isObject();
        return new Keyword("additionalProperties", (node, at, out) -> {
            if (!node.isObject()) {
                return;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (listed.contains(e.getKey())) {
                    continue;
                }
                if (!allowed) {
                    out.add(new Failure("additionalProperties", at, e.getKey(), value, pointer, node));
                } else if (schema != null) {
                    schema.check(e.getValue(), at.field(e.getKey()), out);
                }
            }
        });
    }

    private static Keyword required(JsonNode value, String pointer) {
        List<String> names = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(n -> names.add(n.asString()));
        }
        return new Keyword("required", (node, at, out) -> {
            if (!node.isObject()) {
                return;
            }
            for (String name : names) {
                if (node.get(name) == null) {
                    out.add(new Failure("required", at, name, value, pointer, node));
                }
            }
        });
    }

    private Keyword items(JsonNode value, String pointer) {
        if (!value.isObject()) {
            throw new IllegalStateException("items at '" + pointer + "' must be a schema");
        }
        Subschema each = subschema(pointer);
        return new Keyword("items", (node, at, out) -> {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    each.check(node.get(i), at.index(i), out);
                }
            }
        });
    }

    private static Keyword itemCount(String name, JsonNode value, String pointer) {
        int limit = value.canConvertToExactIntegral() ? value.intValue() : 0;
        boolean max = name.equals("maxItems");
        return new Keyword(name, (node, at, out) -> {
            if (node.isArray() && (max ? node.size() > limit : node.size() < limit)) {
                out.add(new Failure(name, at, null, value, pointer, node));
            }
        });
    }

    /** Two items are the same when equal as networknt compares them: numbers by value, however written. */
    private static Object sameness(JsonNode node) {
        if (node.isNumber() && !nonFinite(node)) {
            return node.decimalValue().stripTrailingZeros();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(sameness(item)));
            return items;
        }
        if (node.isObject()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                fields.put(e.getKey(), sameness(e.getValue()));
            }
            return fields;
        }
        return node;
    }

    private static Keyword uniqueItems(JsonNode value, String pointer) {
        boolean unique = value.isBoolean() && value.booleanValue();
        return new Keyword("uniqueItems", (node, at, out) -> {
            if (!unique) {
                return;
            }
            // as networknt does, whatever the node: an object's values, and nothing of a scalar
            Set<Object> seen = new HashSet<>();
            for (JsonNode item : node) {
                if (!seen.add(sameness(item))) {
                    out.add(new Failure("uniqueItems", at, null, value, pointer, node));
                }
            }
        });
    }

    /**
     * A number against a bound. An integer bound of an integer-typed value compares as a
     * {@code long} (a fraction is cut off first, as networknt does); any other as a decimal.
     */
    private static Keyword bound(String name, JsonNode value, JsonNode parent, String pointer) {
        if (!value.isNumber()) {
            throw new IllegalStateException(name + " at '" + pointer + "' is not a number");
        }
        boolean lower = name.equals("minimum") || name.equals("exclusiveMinimum");
        boolean exclusive = name.startsWith("exclusive");
        String text = value.asString();
        boolean asLong = (value.isLong() || value.isInt()) && declaresType(parent, "integer");
        long limit = value.asLong();
        return new Keyword(name, (node, at, out) -> {
            if (!isNumber(node)) {
                return;
            }
            int compare;
            if (asLong) {
                compare = node.isBigInteger() ? node.bigIntegerValue().compareTo(new BigInteger(text))
                        : Long.compare(node.asLong(), limit);
            } else if (value.isDouble() && Double.isInfinite(value.doubleValue())) {
                // an infinite bound: -inf below everything, +inf above everything
                compare = value.doubleValue() > 0 ? -1 : 1;
            } else {
                compare = new BigDecimal(node.asString()).compareTo(new BigDecimal(text));
            }
            boolean crosses = lower ? (compare < 0 || (exclusive && compare == 0))
                    : (compare > 0 || (exclusive && compare == 0));
            if (crosses) {
                out.add(new Failure(name, at, null, value, pointer, node));
            }
        });
    }

    private static Keyword length(String name, JsonNode value, String pointer) {
        boolean max = name.equals("maxLength");
        int limit = value.canConvertToExactIntegral() ? value.intValue() : max ? Integer.MAX_VALUE : 0;
        return new Keyword(name, (node, at, out) -> {
            if (valueType(node) != Type.STRING) {
                return;
            }
            String s = node.asString();
            int n = s.codePointCount(0, s.length());
            if (max ? n > limit : n < limit) {
                out.add(new Failure(name, at, null, value, pointer, node));
            }
        });
    }

    private static Keyword pattern(JsonNode value, String pointer) {
        Pattern p = Pattern.compile(ecmaScriptAnchors(value.asString()));
        return new Keyword("pattern", (node, at, out) -> {
            if (valueType(node) == Type.STRING && !p.matcher(node.asString()).find()) {
                out.add(new Failure("pattern", at, null, value, pointer, node));
            }
        });
    }

    /**
     * ECMA-262's {@code $} is the end of the text; Java's also matches before a final line break,
     * which would let "abc\n" through {@code ^[a-z]+$}. Outside character classes it becomes
     * {@code \z}, as networknt rewrote it.
     */
    static String ecmaScriptAnchors(String regex) {
        if (regex.contains("\\p{") || regex.contains("\\P{") || regex.contains("\\Q")) {
            throw new IllegalStateException("pattern '" + regex + "' uses a construct tdn's schema checks do not read");
        }
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
            } else if (c == '[') {
                inClass = true;
                out.append(c);
            } else if (c == ']') {
                inClass = false;
                out.append(c);
            } else if (c == '$' && !inClass) {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Keyword format(JsonNode value, String pointer) {
        if (!"date-time".equals(value.asString())) {
            throw new IllegalStateException("format '" + value.asString() + "' at '" + pointer + "' is not supported");
        }
        return new Keyword("format", (node, at, out) -> {
            if (valueType(node) == Type.STRING && !dateTime(node.asString())) {
                out.add(new Failure("format", at, null, value, pointer, node));
            }
        });
    }

    /**
     * "date-time": the common form by {@link DateTimeText}, quickly (a record has dozens), and
     * anything else by networknt's own RFC 3339 check, which had the last word before and keeps
     * it: its class is loaded only for such a timestamp.
     */
    private static boolean dateTime(String value) {
        return DateTimeText.parse(value) != null || LibraryDateTime.FORMAT.matches(null, value);
    }

    private static final class LibraryDateTime {
        static final com.networknt.schema.format.Format FORMAT = new com.networknt.schema.format.DateTimeFormat();
    }

    private static String escaped(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
