package dev.tdn.record;

/**
 * The rule a record holds its patient and clinician ids to (the schema's {@code identifier}):
 * 1-64 characters, none of them a control character. A session checks the ids it is given by
 * the same rule before it starts, so that it never makes a record that cannot be imported;
 * {@code ClinicIdTest} holds the two to each other.
 */
public final class ClinicId {

    public static final int MAX_LENGTH = 64;

    private ClinicId() {
    }

    /** What is wrong with {@code id}, in words that do not quote it; null when it is a valid id. */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "is empty";
        }
        // the schema counts characters (code points), not UTF-16 units
        if (id.codePointCount(0, id.length()) > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "holds a control character (such as a tab, a newline or an escape)";
            }
        }
        return null;
    }
}
