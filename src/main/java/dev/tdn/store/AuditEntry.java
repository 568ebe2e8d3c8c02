package dev.tdn.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(framed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
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
            return JSON.readTree(details);
        } catch (tools.jackson.core.JacksonException e) {
            // an entry edited into something unreadable: verify names it; listing shows it empty
            return JSON.createObjectNode();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /** The details column for an action and what it touched: keys in order, so the text is stable. */
    static String details(AuditAction action, Touched touched) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("filters", action.filters());
        Map<String, Object> t = touched.details();
        details.put("sessions", t.get("sessions"));
        details.put("patients", t.get("patients"));
        return JSON.writer().with(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValueAsString(details);
    }
}
