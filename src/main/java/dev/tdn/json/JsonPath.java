package dev.tdn.json;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonPointer;

/**
 * A place in a record, shown as {@code $.points[0].dwell.seconds}: the form scripts and
 * people read, and the one networknt's validator reports in.
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
            } else if (s.toString().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                sb.append('.').append(s);
            } else {
                // field names from a hostile file may hold anything; quote them so the path stays one token
                sb.append("['").append(s.toString().replace("\\", "\\\\").replace("'", "\\'")
                        .replaceAll("\\p{Cntrl}", "?")).append("']");
            }
        }
        if (shown.size() < segments.size()) {
            sb.append("...");
        }
        return sb.toString();
    }
}
