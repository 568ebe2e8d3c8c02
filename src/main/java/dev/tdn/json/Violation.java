package dev.tdn.json;

/** A broken rule found in a record before it is placed in its source file. */
public record Violation(JsonPath path, String rule, String message) {
}
