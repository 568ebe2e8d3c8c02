package dev.tdn.record;

import java.util.regex.Pattern;

/**
 * The rule a record holds its session id to (the schema's {@code uuid}, rule {@code id-uuid}):
 * a UUID in its 8-4-4-4-12 hex form. A session id names files ({@code <date>_<id>.json},
 * {@code journal/<id>.ndjson}), so an id read from anywhere but tdn's own making is checked by
 * this rule before it is used as a name: a NUL in it is no file name at all, a {@code /} reaches
 * another folder. {@code SessionIdTest} holds this rule to the schema's.
 */
public final class SessionId {

    static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SessionId() {
    }

    /** What is wrong with {@code id}, in words that do not quote it; null when it is a valid session id. */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "is empty";
        }
        return UUID.matcher(id).matches() ? null : "is not a UUID (8-4-4-4-12 hexadecimal digits)";
    }
}
