package dev.tdn.json;

import java.util.Arrays;

/**
 * A JSON document's bytes with the whitespace between its tokens taken out, strings untouched.
 * For a record tdn wrote (indented, fields in its order) that is exactly its compact form, so a
 * stored record can be exported as a line without being parsed and written again; the store
 * checks that it is, byte for byte, when the record is imported. Hand-written rather than a
 * parser's: a parser would rebuild every token to emit the same bytes.
 */
public final class WhitespaceFree {

    private WhitespaceFree() {
    }

    /** {@code json} is well-formed (it was parsed when imported); anything else comes out changed but unparsed. */
    public static byte[] of(byte[] json) {
        byte[] out = new byte[json.length];
        int n = 0;
        int i = 0;
        while (i < json.length) {
            byte b = json[i];
            if (b == '"') {
                // a string, copied whole: find its closing quote, stepping over each escaped character
                int end = i + 1;
                while (end < json.length && json[end] != '"') {
                    end += json[end] == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, json.length);
                System.arraycopy(json, i, out, n, end - i);
                n += end - i;
                i = end;
            } else {
                // outside strings, JSON has nothing at or below the space but whitespace
                if (b > ' ' || b < 0) {
                    out[n++] = b;
                }
                i++;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
