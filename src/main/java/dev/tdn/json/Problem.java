package dev.tdn.json;

import dev.tdn.Printable;

/**
 * One reason a record is not valid, located in its source. The message names what is wrong and
 * the rule it breaks; it never quotes a value from the record, which may identify a patient.
 */
public record Problem(String source, int line, int column, String path, String rule, String message) {

    /**
     * {@code FILE:LINE:COL: $.json.path: what is wrong [rule]}, one line, for people and grep. The
     * file's name and a path through unknown keys are the input's own, so they are made printable.
     */
    public String format() {
        return Printable.line(source + ":" + line + ":" + column + ": " + path + ": " + message + " [" + rule + "]");
    }
}
