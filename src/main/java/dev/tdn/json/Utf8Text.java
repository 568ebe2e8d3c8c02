package dev.tdn.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Says whether a document is UTF-8, the only encoding RFC 8259 allows for JSON exchanged between
 * systems. Jackson would otherwise guess UTF-16 and UTF-32 from their first bytes and parse them,
 * and a record accepted that way is stored as text that no longer matches its bytes. The check
 * runs before parsing, on every document tdn reads: records, NDJSON lines, protocols and config.
 */
public final class Utf8Text {

    /** Where the text stops being UTF-8, and in what way. */
    public record NotUtf8(int line, int column, String message) {
    }

    private Utf8Text() {
    }

    /** Null when {@code bytes} are UTF-8 (a leading byte-order mark already removed by {@link Document}). */
    public static NotUtf8 check(byte[] bytes) {
        String other = otherEncoding(bytes);
        if (other != null) {
            return new NotUtf8(1, 1, "the text is " + other + "; records, protocols and config are UTF-8:"
                    + " save the file as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes));
            return null;
        } catch (CharacterCodingException e) {
            return at(bytes, firstBad(bytes), "not valid UTF-8 text (the file may be in another encoding,"
                    + " such as Latin-1 or Windows-1252): save it as UTF-8");
        }
    }

    /** UTF-16 and UTF-32, told by their byte-order marks or, without one, by the zero bytes of ASCII text. */
    private static String otherEncoding(byte[] b) {
        int n = b.length;
        if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF
                || n >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
            return "UTF-32 (it starts with a UTF-32 byte-order mark)";
        }
        if (n >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)) {
            return "UTF-16 (it starts with a UTF-16 byte-order mark)";
        }
        // JSON text starts with ASCII ('{', '[', white space...), so zero bytes around it give UTF-16 and UTF-32 away
        if (n >= 4 && (b[0] == 0 && b[1] == 0 && b[2] == 0 && ascii(b[3]) || ascii(b[0]) && b[1] == 0 && b[2] == 0 && b[3] == 0)) {
            return "UTF-32 (every character takes four bytes)";
        }
        if (n >= 2 && (b[0] == 0 && ascii(b[1]) || ascii(b[0]) && b[1] == 0)) {
            return "UTF-16 (every character takes two bytes)";
        }
        return null;
    }

    private static boolean ascii(byte b) {
        return b >= 0x09 && b < 0x7F;
    }

    /** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
    private static int firstBad(byte[] b) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, b.length));
        decoder.decode(in, out, true);
        return in.position();
    }

    private static NotUtf8 at(byte[] b, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < b.length; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // columns count characters, as Jackson's do; continuation bytes are not characters
        int column = 1;
        for (int i = lineStart; i < offset && i < b.length; i++) {
            if ((b[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new NotUtf8(line, column, message);
    }
}
