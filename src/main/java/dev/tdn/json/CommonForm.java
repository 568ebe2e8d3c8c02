package dev.tdn.json;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * The values of a JSON tree in the common form, for the readers that bind tdn's own files without
 * Jackson's data binding ({@code RecordTree}, {@code ProtocolTree}): each takes only a value of
 * exactly the type its field expects, and throws {@link Uncommon} for anything else (a missing
 * primitive, a number of another kind, a name the model lacks, a timestamp not in the form tdn
 * writes), so that the caller hands the whole tree to Jackson, which reads or refuses it as it
 * always did.
 */
public final class CommonForm {

    /** Not the common form: Jackson decides. Thrown without a stack trace, as a signal. */
    public static final class Uncommon extends RuntimeException {
        static final Uncommon INSTANCE = new Uncommon();

        private Uncommon() {
            super(null, null, false, false);
        }
    }

    private CommonForm() {
    }

    /** An object with no field the model lacks (Jackson refuses unknown fields). */
    public static void fields(JsonNode n, Set<String> known) {
        if (!n.isObject()) {
            throw Uncommon.INSTANCE;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext();) {
            if (!known.contains(it.next().getKey())) {
                throw Uncommon.INSTANCE;
            }
        }
    }

    public static <T> T object(JsonNode n, Function<JsonNode, T> read) {
        if (n == null || n.isNull()) {
            return null;
        }
        return read.apply(n);
    }

    public static <T> List<T> list(JsonNode n, Function<JsonNode, T> read) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw Uncommon.INSTANCE;
        }
        List<T> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (e.isNull()) {
                throw Uncommon.INSTANCE;
            }
            out.add(read.apply(e));
        }
        return out;
    }

    public static String string(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString()) {
            throw Uncommon.INSTANCE;
        }
        return n.stringValue();
    }

    public static OffsetDateTime time(JsonNode n) {
        OffsetDateTime t = n == null || n.isNull() ? null : DateTimeText.parse(string(n));
        if (t == null && n != null && !n.isNull()) {
            throw Uncommon.INSTANCE;
        }
        return t;
    }

    public static <E extends Enum<E>> E choice(JsonNode n, E[] values, Function<E, String> json) {
        String s = string(n);
        if (s == null) {
            return null;
        }
        for (E e : values) {
            if (json.apply(e).equals(s)) {
                return e;
            }
        }
        throw Uncommon.INSTANCE;
    }

    /** A primitive int: present, and an int in JSON. */
    public static int intValue(JsonNode n) {
        if (n == null || !n.isInt()) {
            throw Uncommon.INSTANCE;
        }
        return n.intValue();
    }

    public static Integer integer(JsonNode n) {
        return n == null || n.isNull() ? null : intValue(n);
    }

    /** A primitive double: present, and a number that is exactly that double. */
    public static double doubleValue(JsonNode n) {
        if (n == null || !(n.isDouble() || n.isInt())) {
            throw Uncommon.INSTANCE;
        }
        return n.doubleValue();
    }

    public static Double boxedDouble(JsonNode n) {
        return n == null || n.isNull() ? null : doubleValue(n);
    }

    public static boolean bool(JsonNode n) {
        if (n == null || !n.isBoolean()) {
            throw Uncommon.INSTANCE;
        }
        return n.booleanValue();
    }

    public static Boolean boxedBool(JsonNode n) {
        return n == null || n.isNull() ? null : bool(n);
    }
}
