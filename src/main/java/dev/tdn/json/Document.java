package dev.tdn.json;

import java.util.Arrays;

/**
 * The bytes of one record as read from its source. {@code firstLine} is where it starts in the
 * source (above 1 for the later lines of an NDJSON stream), so problems point at the real line.
 *
 * <p>A UTF-8 byte-order mark at the start is not part of the document: RFC 8259 lets a reader
 * ignore it, editors on Windows add it, and it is never stored or passed on, so a stored record's
 * bytes are the same whether or not its file had one. This is the one place that decides it.
 */
public record Document(String source, int firstLine, byte[] bytes) {

    public Document {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            bytes = Arrays.copyOfRange(bytes, 3, bytes.length);
        }
    }
}
