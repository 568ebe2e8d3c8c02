package dev.tdn.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Compares a JSON Schema with the Java records that read documents of it: a field the schema
 * allows but the model drops, or the reverse, is a contract broken silently.
 */
public final class SchemaModel {

    private SchemaModel() {
    }

    /** Every place where the schema's properties and the record's components differ; empty when they agree. */
    public static List<String> mismatches(Class<?> model, JsonNode schema) {
        List<String> out = new ArrayList<>();
        compare(model, schema, schema, "$", out);
        return out;
    }

    private static void compare(Class<?> type, JsonNode schema, JsonNode root, String where, List<String> out) {
        JsonNode s = resolve(schema, root);
        Set<String> inSchema = new TreeSet<>(s.get("properties").propertyNames());
        Set<String> inModel = new TreeSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            inModel.add(c.getName());
        }
        if (!inSchema.equals(inModel)) {
            out.add(where + ": schema " + inSchema + " vs model " + inModel);
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> nested = recordType(c.getGenericType());
            if (nested != null) {
                JsonNode child = resolve(s.get("properties").get(c.getName()), root);
                if (child.has("items")) {
                    child = child.get("items");
                }
                compare(nested, child, root, where + "." + c.getName(), out);
            }
        }
    }

    private static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode n = node;
        while (n.has("$ref") && !n.has("properties")) {
            n = root.at(n.get("$ref").asString().substring(1));
        }
        return n;
    }

    private static Class<?> recordType(Type t) {
        if (t instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        return null;
    }
}
