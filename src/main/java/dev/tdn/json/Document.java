package dev.tdn.json;

/**
 * The bytes of one record as read from its source. {@code firstLine} is where it starts in the
 * source (above 1 for the later lines of an NDJSON stream), so problems point at the real line.
 */
public record Document(String source, int firstLine, byte[] bytes) {
}
