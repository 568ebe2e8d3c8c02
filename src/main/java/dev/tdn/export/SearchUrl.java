package dev.tdn.export;

import java.nio.charset.StandardCharsets;

/**
 * The relative search URLs of a transaction: "Patient?identifier=system|value". Written here,
 * not by a FHIR client library, because it is one parameter; FHIR's rules for it are that a
 * '|', ',', '$' or '\' inside the system or value is escaped with a backslash
 * (hl7.org/fhir/R4/search.html#escaping) and the whole is URL-encoded, with the separating '|'
 * left as it is, as servers and the specification's examples write it.
 */
final class SearchUrl {

    private SearchUrl() {
    }

    /** {@code Type?identifier=system|value}, or {@code Type?identifier=value} with no system. */
    static String byIdentifier(String type, String system, String value) {
        return type + "?identifier=" + (system == null ? "" : encoded(system) + "|") + encoded(value);
    }

    private static String encoded(String text) {
        String escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace(",", "\\,").replace("$", "\\$");
        StringBuilder sb = new StringBuilder(escaped.length() + 16);
        for (byte b : escaped.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            // RFC 3986 lets these stand in a query as they are, so "urn:oid:1.2.3" stays readable;
            // everything else ('&', '=', '+', '#', '%', space, backslash, non-ASCII) is percent-encoded
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~:/@".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
