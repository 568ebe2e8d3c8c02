package dev.tdn.json;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonPointer;

/**
 * A place in a record, shown as {@code $.points[0].dwell.seconds}: the form scripts and
 * people read, and the one the schema checks report in. A field the schemas do not define
 * is shown as {@code <unknown>}, never by its name.
 */
public record JsonPath(List<Object> segments) {

    public static final JsonPath ROOT = new JsonPath(List.of());
    private static final int MAX_SHOWN = 12;

    public JsonPath {
        segments = List.copyOf(segments);
    }

    public JsonPath field(String name) {
        return append(name);
    }

    public JsonPath index(int i) {
        return append(i);
    }

    private JsonPath append(Object segment) {
        List<Object> next = new ArrayList<>(segments);
        next.add(segment);
        return new JsonPath(next);
    }

    /** Reads a Jackson pointer, as the parser reports where it stopped. */
    public static JsonPath of(JsonPointer pointer) {
        JsonPath path = ROOT;
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            path = p.getMatchingIndex() >= 0 ? path.index(p.getMatchingIndex()) : path.field(p.getMatchingProperty());
        }
        return path;
    }

    public JsonPointer toPointer() {
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            sb.append('/').append(s.toString().replace("~", "~0").replace("/", "~1"));
        }
        return JsonPointer.compile(sb.toString());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("$");
        // a nesting bomb's path would be thousands of characters; its start says enough
        List<Object> shown = segments.size() > MAX_SHOWN ? segments.subList(0, MAX_SHOWN) : segments;
        for (Object s : shown) {
            if (s instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else if (FieldNames.known(s.toString())) {
                sb.append('.').append(s);
            } else {
                // a name the schemas do not define came from the file, and may be patient data
                sb.append('.').append(FieldNames.PLACEHOLDER);
            }
        }
        if (shown.size() < segments.size()) {
            sb.append("...");
        }
        return sb.toString();
    }
}
