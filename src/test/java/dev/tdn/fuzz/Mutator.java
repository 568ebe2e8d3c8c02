package dev.tdn.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes a hostile input from a valid one, driven only by the {@link Random} it is given, so an
 * input is reproduced from its seed alone. Half the mutations know nothing of JSON (bit flips,
 * inserted and deleted bytes, cut-off ends, repeated chunks); the others find a JSON value or
 * member in the text and replace, repeat or wrap it, which reaches the schema and the record rules
 * instead of stopping at the parser.
 */
public final class Mutator {

    /** Values a reader meets at its edges: number limits, wrong types, text Jackson or the schema may trip on. */
    static final String[] VALUES = {
        "1e300", "-1e300", "1e400", "-0", "-0.0", "1e-400", "0", "-1", "0.5", "1.5e2", "2147483648", "-2147483649",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890123456789", "1E+2", "1e19",
        "4.9e-324", "1.7976931348623157e308", "100000000000000000000.0", "null", "true", "false", "\"\"", "\"x\"",
        "\"1\"", "{}", "[]", "[null]", "{\"a\":1}", "[1,2,3]", "\"2026-13-45T25:61:61Z\"", "\"2026-11-26T14:03:11\"",
        "\"9999-12-31T23:59:59.999999999+18:00\"", "\"0000-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"",
        "\"+1000000-01-01T00:00:00Z\"", "\"2026-11-26T14:03:11.204-06:00\"", "\"\\u0000\"", "\"\\ud800\"",
        "\"a\\nb\"", "\"\\u001b[31m\"", "\"../../x\"", "\"a/b\"", "\"completed\"", "\"recovered\"", "\"weak\"",
        "\"standard\"", "\"3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44\"", "NaN", "Infinity", "-Infinity", "01", "+1",
        ".5", "1.", "0x10", "'x'", "undefined",
    };

    private Mutator() {
    }

    /** One document of {@link #seedsThenMutations}: a seed itself, or a mutation of one. */
    public record Case(int index, boolean seed, byte[] bytes) {
        /** For a failing assertion: which document, and what it holds. */
        public String describe() {
            return "document " + index + ": " + new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Every seed as it is, then {@code mutations} mutations of seeds picked by {@code random},
     * each made as the loop reaches it (thousands of records would not fit in memory at once).
     */
    public static Iterable<Case> seedsThenMutations(java.util.List<byte[]> seeds, int mutations, Random random) {
        return () -> new java.util.Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < seeds.size() + mutations;
            }

            @Override
            public Case next() {
                boolean seed = i < seeds.size();
                Case c = new Case(i, seed, seed ? seeds.get(i) : mutate(seeds.get(random.nextInt(seeds.size())), random));
                i++;
                return c;
            }
        };
    }

    /** One to four mutations of {@code seed}; never the seed itself unchanged on purpose, though it can happen. */
    public static byte[] mutate(byte[] seed, Random r) {
        byte[] out = seed;
        int rounds = 1 + r.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            out = once(out, r);
        }
        return out;
    }

    static byte[] once(byte[] in, Random r) {
        int kind = r.nextInt(24);
        return switch (kind) {
            case 0 -> flipBit(in, r);
            case 1 -> setByte(in, r);
            case 2 -> insertBytes(in, r);
            case 3 -> deleteBytes(in, r);
            case 4 -> truncate(in, r);
            case 5 -> duplicateChunk(in, r);
            case 6 -> splice(in, r);
            case 7 -> insertAt(in, r, hostileBytes(r));
            case 8, 9, 10, 11 -> replaceValue(in, r, VALUES[r.nextInt(VALUES.length)]);
            case 12 -> replaceValue(in, r, deepNesting(r));
            case 13 -> replaceValue(in, r, longString(r));
            case 14 -> replaceValue(in, r, "null");
            case 15 -> duplicateMember(in, r);
            case 16 -> dropMember(in, r);
            case 17 -> renameKey(in, r);
            case 18 -> stringWithRawBytes(in, r);
            case 19 -> lines(in, r);
            case 20 -> wrapValue(in, r);
            case 21 -> prefix(in, r);
            case 22 -> replaceValue(in, r, otherValue(in, r));
            default -> replaceValue(in, r, bigInteger(r));
        };
    }

    // ---- byte level ----

    private static byte[] flipBit(byte[] in, Random r) {
        if (in.length == 0) {
            return in;
        }
        byte[] out = in.clone();
        int at = r.nextInt(out.length);
        out[at] ^= (byte) (1 << r.nextInt(8));
        return out;
    }

    private static byte[] setByte(byte[] in, Random r) {
        if (in.length == 0) {
            return in;
        }
        byte[] out = in.clone();
        byte[] interesting = {0, '\n', '\r', '"', '\\', '{', '}', '[', ']', ',', ':', (byte) 0x80, (byte) 0xff, 0x7f, 0x1b};
        out[r.nextInt(out.length)] = r.nextBoolean() ? interesting[r.nextInt(interesting.length)] : (byte) r.nextInt(256);
        return out;
    }

    private static byte[] insertBytes(byte[] in, Random r) {
        byte[] bytes = new byte[1 + r.nextInt(8)];
        r.nextBytes(bytes);
        return insertAt(in, r, bytes);
    }

    private static byte[] insertAt(byte[] in, Random r, byte[] bytes) {
        int at = in.length == 0 ? 0 : r.nextInt(in.length + 1);
        return join(Arrays.copyOfRange(in, 0, at), bytes, Arrays.copyOfRange(in, at, in.length));
    }

    private static byte[] deleteBytes(byte[] in, Random r) {
        if (in.length == 0) {
            return in;
        }
        int at = r.nextInt(in.length);
        int n = Math.min(in.length - at, 1 + r.nextInt(r.nextBoolean() ? 4 : 200));
        return join(Arrays.copyOfRange(in, 0, at), Arrays.copyOfRange(in, at + n, in.length));
    }

    private static byte[] truncate(byte[] in, Random r) {
        return in.length == 0 ? in : Arrays.copyOf(in, r.nextInt(in.length));
    }

    private static byte[] duplicateChunk(byte[] in, Random r) {
        if (in.length == 0) {
            return in;
        }
        int from = r.nextInt(in.length);
        int n = Math.min(in.length - from, 1 + r.nextInt(400));
        byte[] chunk = Arrays.copyOfRange(in, from, from + n);
        int times = r.nextInt(10) == 0 ? 50 + r.nextInt(500) : 1;
        ByteArrayOutputStream repeated = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            repeated.writeBytes(chunk);
        }
        return insertAt(in, r, repeated.toByteArray());
    }

    /** The head of the input joined to a tail taken from elsewhere in it: fields in the wrong places. */
    private static byte[] splice(byte[] in, Random r) {
        if (in.length < 2) {
            return in;
        }
        int cut = r.nextInt(in.length);
        int from = r.nextInt(in.length);
        return join(Arrays.copyOfRange(in, 0, cut), Arrays.copyOfRange(in, from, in.length));
    }

    private static byte[] hostileBytes(Random r) {
        byte[][] choices = {
            {0}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE},
            {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF},
            {0x1b, '[', '2', 'J'}, {'\r'}, {'\n'}, {'\n', '\n'}, {'\t'}, {0x7f}, {'\\'}, {'"'},
            "\u2028".getBytes(StandardCharsets.UTF_8), "\uFEFF".getBytes(StandardCharsets.UTF_8),
            "/*x*/".getBytes(StandardCharsets.UTF_8), "//".getBytes(StandardCharsets.UTF_8),
        };
        return choices[r.nextInt(choices.length)];
    }

    /** A BOM or other bytes before everything (encoding sniffing happens there). */
    private static byte[] prefix(byte[] in, Random r) {
        byte[][] heads = {
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE},
            {0, 0, (byte) 0xFE, (byte) 0xFF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            {0}, {' '}, {'\n'}, {'['}, {'{'}, {'"'},
        };
        return join(heads[r.nextInt(heads.length)], in);
    }

    // ---- JSON aware ----

    /** Where a JSON value starts and ends in the text, found by a scan that tolerates broken input. */
    record Span(int start, int end, boolean key) {
    }

    /** The bytes that end a number or literal: a table, since this scan is most of a mutation's cost. */
    private static final boolean[] ENDS_TOKEN = new boolean[256];

    static {
        for (char c : "{}[],: \n\r\t\"".toCharArray()) {
            ENDS_TOKEN[c] = true;
        }
    }

    /** Scalars, objects and arrays (roughly: strings and brackets are matched, the rest is token text). */
    static List<Span> values(byte[] in) {
        List<Span> spans = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        int i = 0;
        while (i < in.length) {
            byte b = in[i];
            if (b == '"') {
                int end = i + 1;
                while (end < in.length && in[end] != '"') {
                    end += in[end] == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, in.length);
                int next = end;
                while (next < in.length && (in[next] == ' ' || in[next] == '\n' || in[next] == '\t' || in[next] == '\r')) {
                    next++;
                }
                spans.add(new Span(i, end, next < in.length && in[next] == ':'));
                i = end;
            } else if (b == '{' || b == '[') {
                open.add(i);
                i++;
            } else if (b == '}' || b == ']') {
                if (!open.isEmpty()) {
                    spans.add(new Span(open.remove(open.size() - 1), i + 1, false));
                }
                i++;
            } else if (b == '-' || (b >= '0' && b <= '9') || b == 't' || b == 'f' || b == 'n') {
                int end = i;
                while (end < in.length && !ENDS_TOKEN[in[end] & 0xff]) {
                    end++;
                }
                spans.add(new Span(i, end, false));
                i = end;
            } else {
                i++;
            }
        }
        return spans;
    }

    private static Span pickValue(byte[] in, Random r) {
        List<Span> spans = values(in);
        List<Span> valueSpans = spans.stream().filter(s -> !s.key()).toList();
        return valueSpans.isEmpty() ? null : valueSpans.get(r.nextInt(valueSpans.size()));
    }

    static byte[] replaceValue(byte[] in, Random r, String replacement) {
        Span s = pickValue(in, r);
        if (s == null) {
            return insertAt(in, r, replacement.getBytes(StandardCharsets.UTF_8));
        }
        return join(Arrays.copyOfRange(in, 0, s.start()), replacement.getBytes(StandardCharsets.UTF_8),
                Arrays.copyOfRange(in, s.end(), in.length));
    }

    /** A value moved to where another was: right shape, wrong place (a timestamp as a count, an object as a list). */
    private static String otherValue(byte[] in, Random r) {
        Span s = pickValue(in, r);
        if (s == null || s.end() - s.start() > 20_000) {
            return "null";
        }
        return new String(in, s.start(), s.end() - s.start(), StandardCharsets.UTF_8);
    }

    private static byte[] wrapValue(byte[] in, Random r) {
        Span s = pickValue(in, r);
        if (s == null) {
            return in;
        }
        String value = new String(in, s.start(), s.end() - s.start(), StandardCharsets.UTF_8);
        String wrapped = r.nextBoolean() ? "[" + value + "]" : "{\"v\":" + value + "}";
        return join(Arrays.copyOfRange(in, 0, s.start()), wrapped.getBytes(StandardCharsets.UTF_8),
                Arrays.copyOfRange(in, s.end(), in.length));
    }

    private static String deepNesting(Random r) {
        // the readers stop at depth 64: just past it is where a limit is tested; far past it only costs time
        int depth = r.nextInt(10) == 0 ? 2_000 + r.nextInt(8_000) : 10 + r.nextInt(200);
        boolean arrays = r.nextBoolean();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "[" : "{\"a\":");
        }
        sb.append(r.nextBoolean() ? "1" : "");
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "]" : "}");
        }
        return sb.toString();
    }

    private static String longString(Random r) {
        // the readers' string limit is 1,000,000 characters: around it, rarely (each costs milliseconds), else short
        int n = r.nextInt(20) == 0 ? 999_990 + r.nextInt(20) : 60 + r.nextInt(r.nextBoolean() ? 10 : 5_000);
        char c = "aZ9 \u00e9\u4e2d".charAt(r.nextInt(6));
        return "\"" + String.valueOf(c).repeat(n) + "\"";
    }

    private static String bigInteger(Random r) {
        StringBuilder sb = new StringBuilder(r.nextBoolean() ? "-" : "");
        sb.append(1 + r.nextInt(9));
        int digits = r.nextInt(5) == 0 ? 1_000 + r.nextInt(20_000) : 10 + r.nextInt(40);
        for (int i = 0; i < digits; i++) {
            sb.append(r.nextInt(10));
        }
        if (r.nextBoolean()) {
            sb.append(r.nextBoolean() ? ".5" : "e" + (r.nextBoolean() ? "-" : "") + r.nextInt(100_000));
        }
        return sb.toString();
    }

    /** A string value with a raw control character, NUL or broken UTF-8 inside its quotes. */
    private static byte[] stringWithRawBytes(byte[] in, Random r) {
        List<Span> strings = values(in).stream().filter(s -> s.end() - s.start() >= 2 && in[s.start()] == '"').toList();
        if (strings.isEmpty()) {
            return insertAt(in, r, hostileBytes(r));
        }
        Span s = strings.get(r.nextInt(strings.size()));
        int at = s.start() + 1 + r.nextInt(s.end() - s.start() - 1);
        return join(Arrays.copyOfRange(in, 0, at), hostileBytes(r), Arrays.copyOfRange(in, at, in.length));
    }

    /** A member ({@code "key": value}) written twice: the duplicate-key rule. */
    private static byte[] duplicateMember(byte[] in, Random r) {
        Span[] member = pickMember(in, r);
        if (member == null) {
            return in;
        }
        byte[] text = Arrays.copyOfRange(in, member[0].start(), member[1].end());
        return join(Arrays.copyOfRange(in, 0, member[1].end()), new byte[] {','}, text,
                Arrays.copyOfRange(in, member[1].end(), in.length));
    }

    private static byte[] dropMember(byte[] in, Random r) {
        Span[] member = pickMember(in, r);
        if (member == null) {
            return in;
        }
        int end = member[1].end();
        // take the comma after it too, or the one before when it was the last member
        int after = end;
        while (after < in.length && (in[after] == ' ' || in[after] == '\n' || in[after] == '\r' || in[after] == '\t')) {
            after++;
        }
        int start = member[0].start();
        if (after < in.length && in[after] == ',') {
            end = after + 1;
        } else {
            int before = start - 1;
            while (before >= 0 && (in[before] == ' ' || in[before] == '\n' || in[before] == '\r' || in[before] == '\t')) {
                before--;
            }
            if (before >= 0 && in[before] == ',') {
                start = before;
            }
        }
        return join(Arrays.copyOfRange(in, 0, start), Arrays.copyOfRange(in, end, in.length));
    }

    /** A key swapped for another key of the input (a field in the wrong object) or a near miss of its own. */
    private static byte[] renameKey(byte[] in, Random r) {
        List<Span> keys = values(in).stream().filter(Span::key).toList();
        if (keys.isEmpty()) {
            return in;
        }
        Span k = keys.get(r.nextInt(keys.size()));
        String name;
        if (r.nextBoolean()) {
            Span other = keys.get(r.nextInt(keys.size()));
            name = new String(in, other.start(), other.end() - other.start(), StandardCharsets.UTF_8);
        } else {
            String own = new String(in, k.start() + 1, Math.max(0, k.end() - k.start() - 2), StandardCharsets.UTF_8);
            name = "\"" + (r.nextBoolean() ? own.toUpperCase() : own + "x") + "\"";
        }
        return join(Arrays.copyOfRange(in, 0, k.start()), name.getBytes(StandardCharsets.UTF_8),
                Arrays.copyOfRange(in, k.end(), in.length));
    }

    /** A key and the value after it (the widest span starting there: an object or array whole). */
    private static Span[] pickMember(byte[] in, Random r) {
        List<Span> spans = new ArrayList<>(values(in));
        spans.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i).key()) {
                keys.add(i);
            }
        }
        if (keys.isEmpty()) {
            return null;
        }
        int k = keys.get(r.nextInt(keys.size()));
        Span key = spans.get(k);
        for (int i = k + 1; i < spans.size(); i++) {
            Span v = spans.get(i);
            if (!v.key() && v.start() >= key.end()) {
                return new Span[] {key, v};
            }
        }
        return null;
    }

    /** Line-level changes, for NDJSON and journals: a line dropped, repeated, swapped or cut off. */
    private static byte[] lines(byte[] in, Random r) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                lines.add(Arrays.copyOfRange(in, start, i));
                start = i + 1;
            }
        }
        lines.add(Arrays.copyOfRange(in, start, in.length));
        if (lines.size() < 2) {
            return truncate(in, r);
        }
        int a = r.nextInt(lines.size());
        int b = r.nextInt(lines.size());
        switch (r.nextInt(5)) {
            case 0 -> lines.remove(a);
            case 1 -> lines.add(b, lines.get(a));
            case 2 -> {
                byte[] t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
            }
            case 3 -> lines.set(a, truncate(lines.get(a), r));
            default -> {
                // keep the first lines only: a journal whose session stopped early
                lines = new ArrayList<>(lines.subList(0, a + 1));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.write('\n');
            }
            out.writeBytes(lines.get(i));
        }
        return out.toByteArray();
    }

    static byte[] join(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
