package dev.tdn.json;

/**
 * One reason a record is not valid, located in its source. The message names what is wrong and
 * the rule it breaks; it never quotes a value from the record, which may identify a patient.
 */
public record Problem(String source, int line, int column, String path, String rule, String message) {

    /** {@code FILE:LINE:COL: $.json.path: what is wrong [rule]}, one line, for people and grep. */
    public String format() {
        return source + ":" + line + ":" + column + ": " + path + ": " + message + " [" + rule + "]";
    }
}
