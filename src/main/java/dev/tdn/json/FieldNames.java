package dev.tdn.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The field names tdn's schemas define. A path in a message shows a field by name only when it
 * is one of these: any other name came from the file, and a file's own keys can be patient data
 * (a script that keyed an object by MRN), so they are shown as a placeholder.
 */
final class FieldNames {

    static final String PLACEHOLDER = "<unknown>";

    private static final String[] SCHEMAS = {
        "/schema/session-record-v1.json", "/schema/protocol-v1.json", "/schema/config-v1.json"};

    private FieldNames() {
    }

    private static final class Known {
        static final Set<String> NAMES = load();
    }

    static boolean known(String name) {
        return Known.NAMES.contains(name);
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        for (String resource : SCHEMAS) {
            try (InputStream in = FieldNames.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("schema " + resource + " is missing from the build");
                }
                collect(JsonTree.resource(in), names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Set.copyOf(names);
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                for (Map.Entry<String, JsonNode> p : properties.properties()) {
                    names.add(p.getKey());
                }
            }
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                collect(child.getValue(), names);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                collect(child, names);
            }
        }
    }
}
