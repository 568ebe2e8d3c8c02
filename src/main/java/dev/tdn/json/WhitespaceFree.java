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
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                out[n++] = b;
                if (b == '\\' && i + 1 < json.length) {
                    // the escaped character, a quote included, stays inside the string
                    out[n++] = json[++i];
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
                out[n++] = b;
            } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                out[n++] = b;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
