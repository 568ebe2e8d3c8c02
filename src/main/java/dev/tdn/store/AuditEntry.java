package dev.tdn.store;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of the audit trail as stored. {@code details} is the JSON text kept in the store
 * (filters, then sessions and patients with their counts), hashed as stored. Each entry's hash
 * covers its own fields and the hash of the entry before it, so changing or removing an entry
 * breaks every hash after it.
 */
public record AuditEntry(long seq, String at, String osUser, String clinician, String command, String details,
        String previousHash, String hash) {

    /** What the first entry names as the one before it. */
    public static final String FIRST_PREVIOUS = "0".repeat(64);

    /** Only for reading entries back: writing one must not pay for building a mapper (list, report). */
    private static final class Reading {
        static final JsonMapper JSON = JsonMapper.builder().build();
    }

    /** The hash this entry's fields make; equal to {@link #hash()} unless the entry was changed. */
    public String expectedHash() {
        return hash(seq, at, osUser, clinician, command, details, previousHash);
    }

    static String hash(long seq, String at, String osUser, String clinician, String command, String details,
            String previousHash) {
        // each field as a netstring (length, colon, text, comma) so no two entries frame alike;
        // null, which only the clinician may be, is a lone dash
        StringBuilder framed = new StringBuilder();
        for (String field : new String[] {Long.toString(seq), at, osUser, clinician, command, details, previousHash}) {
            if (field == null) {
                framed.append("-,");
            } else {
                framed.append(field.length()).append(':').append(field).append(',');
            }
        }
        return dev.tdn.Fingerprint.of(framed.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The filters the command was given, by name. */
    public Map<String, String> filters() {
        Map<String, String> out = new java.util.TreeMap<>();
        parsed().path("filters").properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    public int sessionCount() {
        return parsed().path("sessions").path("count").asInt();
    }

    /** The first {@value Touched#LISTED} sessions, of {@link #sessionCount()}. */
    public List<String> sessionIds() {
        return strings(parsed().path("sessions").path("ids"));
    }

    public int patientCount() {
        return parsed().path("patients").path("count").asInt();
    }

    /** The first {@value Touched#LISTED} patients, of {@link #patientCount()}. */
    public List<String> patientIds() {
        return strings(parsed().path("patients").path("ids"));
    }

    /**
     * Whether the entry may concern this patient: named in its filters or among its patients, or
     * one whose patients were too many to name them all.
     */
    public boolean concerns(String patientId) {
        return patientId.equals(filters().get("patient")) || patientIds().contains(patientId)
                || patientCount() > patientIds().size();
    }

    private JsonNode parsed() {
        try {
            return Reading.JSON.readTree(details);
        } catch (tools.jackson.core.JacksonException e) {
            // an entry edited into something unreadable: verify names it; listing shows it empty
            return Reading.JSON.createObjectNode();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /**
     * The details column for an action and what it touched, every object's keys in order so the
     * text is stable: the text Jackson writes with ORDER_MAP_ENTRIES_BY_KEYS, written here because
     * every read writes an entry and building a mapper was a third of a {@code list}'s own time
     * (AuditEntryTest holds the two to the same text).
     */
    static String details(AuditAction action, Touched touched) {
        StringBuilder out = new StringBuilder(256).append("{\"filters\":{");
        boolean first = true;
        for (Map.Entry<String, String> f : new java.util.TreeMap<>(action.filters()).entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            string(out, f.getKey()).append(':');
            if (f.getValue() == null) {
                out.append("null");
            } else {
                string(out, f.getValue());
            }
        }
        out.append("},\"patients\":");
        counted(out, touched.patientCount(), touched.patientsListed());
        out.append(",\"sessions\":");
        counted(out, touched.sessions(), touched.sessionsListed());
        return out.append('}').toString();
    }

    private static void counted(StringBuilder out, int count, List<String> ids) {
        out.append("{\"count\":").append(count).append(",\"ids\":[");
        for (int i = 0; i < ids.size(); i++) {
            string(out.append(i == 0 ? "" : ","), ids.get(i));
        }
        out.append("]}");
    }

    private static final String HEX = "0123456789ABCDEF";

    /** A JSON string as Jackson writes one: quote and backslash escaped, control characters too, the rest as is. */
    private static StringBuilder string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
