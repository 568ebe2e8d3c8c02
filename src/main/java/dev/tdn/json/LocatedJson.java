package dev.tdn.json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.networknt.schema.serialization.node.LocationJsonNodeFactory;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Parses a document into a tree whose nodes remember their line and column, so that any later
 * finding (schema or rule) can be placed in the file. Jackson's own error messages may quote
 * the input, so failures are described here from their kind and location only.
 */
public final class LocatedJson {

    /** Either a tree, or the one problem that stopped parsing. */
    public record Parsed(JsonNode tree, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private LocatedJson() {
    }

    public static Parsed parse(ObjectMapper mapper, Document doc) {
        Utf8Text.NotUtf8 notUtf8 = Utf8Text.check(doc.bytes());
        if (notUtf8 != null) {
            return failed(problem(doc, notUtf8.line(), notUtf8.column(), JsonPath.ROOT, "not-utf8", notUtf8.message()));
        }
        JsonParser parser = null;
        try {
            parser = mapper.createParser(doc.bytes());
            JsonNode tree = mapper.reader(new LocationJsonNodeFactory(parser)).readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                return failed(problem(doc, 1, 1, JsonPath.ROOT, "empty-input", "no JSON value found"));
            }
            if (parser.nextToken() != null) {
                return failed(trailing(doc, parser.currentTokenLocation()));
            }
            return new Parsed(tree, null);
        } catch (StreamConstraintsException e) {
            return failed(limitProblem(doc, e, parser, mapper.tokenStreamFactory().streamReadConstraints()));
        } catch (JacksonException e) {
            return failed(syntaxProblem(doc, e, parser));
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
    }

    /** Places findings in the document, in reading order. */
    public static List<Problem> place(Document doc, JsonNode tree, List<Violation> violations) {
        return placed(doc, violations, path -> locate(tree, path));
    }

    /** Each finding at the place {@code locate} gives its path (the document's start when none), in reading order. */
    private static List<Problem> placed(Document doc, List<Violation> violations,
            java.util.function.Function<JsonPath, TokenStreamLocation> locate) {
        List<Problem> problems = new ArrayList<>();
        for (Violation v : violations) {
            TokenStreamLocation at = locate.apply(v.path());
            problems.add(problem(doc, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    v.path(), v.rule(), v.message()));
        }
        problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return problems;
    }

    /** A path a finding lies on whose value has not been read (yet, or at all: it is missing). */
    private static final TokenStreamLocation NOT_READ = new TokenStreamLocation(null, -1, -1, -1);

    /**
     * Places findings as {@link #place} does, reading the document once as a stream instead of
     * holding it as a located tree: a node for every value, with its location, took a 15 MB
     * record's check past 370 MB. Only the values on the findings' paths are located; a path's
     * place is that of its value's first token, as the located tree's nodes have it, and a
     * missing one is placed at the closest value on its way that exists.
     */
    public static List<Problem> placeByReading(ObjectMapper mapper, Document doc, List<Violation> violations) {
        // every path a finding lies on, each prefix once, mapped to its place once read: one map,
        // whose keys are the first lists made (a set beside a map held each path three times)
        java.util.Map<List<String>, TokenStreamLocation> found = new java.util.HashMap<>();
        for (Violation v : violations) {
            List<String> path = new ArrayList<>();
            found.putIfAbsent(List.of(), NOT_READ);
            for (Object segment : v.path().segments()) {
                path.add(String.valueOf(segment));
                if (!found.containsKey(path)) {
                    found.put(List.copyOf(path), NOT_READ);
                }
            }
        }
        try (JsonParser parser = mapper.createParser(doc.bytes())) {
            // one frame per open object or array: its path (null when no finding lies under it),
            // whether it is an array, the index reached and the field name last read
            java.util.ArrayDeque<Frame> open = new java.util.ArrayDeque<>();
            for (tools.jackson.core.JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == tools.jackson.core.JsonToken.PROPERTY_NAME) {
                    open.peek().name = parser.currentName();
                    continue;
                }
                if (t == tools.jackson.core.JsonToken.END_OBJECT || t == tools.jackson.core.JsonToken.END_ARRAY) {
                    open.pop();
                    continue;
                }
                Frame parent = open.peek();
                List<String> path = null;
                if (parent == null) {
                    path = List.of();
                } else {
                    String segment = parent.array ? String.valueOf(++parent.index) : parent.name;
                    if (parent.path != null) {
                        List<String> child = new ArrayList<>(parent.path.size() + 1);
                        child.addAll(parent.path);
                        child.add(segment);
                        path = found.containsKey(child) ? child : null;
                    }
                }
                if (path != null && found.get(path) == NOT_READ) {
                    // replacing a value keeps the key already there
                    found.put(path, parser.currentTokenLocation());
                }
                if (t == tools.jackson.core.JsonToken.START_OBJECT || t == tools.jackson.core.JsonToken.START_ARRAY) {
                    open.push(new Frame(path, t == tools.jackson.core.JsonToken.START_ARRAY));
                }
            }
        } catch (JacksonException e) {
            // read whole once already: only findings past a failure here would go unplaced
        }
        return placed(doc, violations, path -> {
            // the closest value on the path that exists, as locate() has it for the tree
            List<Object> segments = path.segments();
            for (int n = segments.size(); n >= 0; n--) {
                List<String> prefix = new ArrayList<>(n);
                for (Object segment : segments.subList(0, n)) {
                    prefix.add(String.valueOf(segment));
                }
                TokenStreamLocation at = found.get(prefix);
                if (at != null && at != NOT_READ) {
                    return at;
                }
            }
            return null;
        });
    }

    private static final class Frame {
        final List<String> path;
        final boolean array;
        int index = -1;
        String name;

        Frame(List<String> path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }

    /** The closest node to {@code path} that exists: a missing field is shown at its object. */
    private static TokenStreamLocation locate(JsonNode tree, JsonPath path) {
        List<Object> segments = path.segments();
        for (int n = segments.size(); n >= 0; n--) {
            JsonNode node = tree.at(new JsonPath(segments.subList(0, n)).toPointer());
            if (node instanceof TokenStreamLocationAware aware && aware.tokenStreamLocation() != null) {
                return aware.tokenStreamLocation();
            }
        }
        return null;
    }

    private static Problem trailing(Document doc, TokenStreamLocation at) {
        return problem(doc, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(), JsonPath.ROOT,
                "trailing-content", "more content after the document; a .json file holds exactly one");
    }

    private static Problem limitProblem(Document doc, StreamConstraintsException e, JsonParser parser,
            StreamReadConstraints limits) {
        String m = String.valueOf(e.getMessage());
        String rule;
        String message;
        if (m.contains("NestingDepth")) {
            rule = "too-deep";
            message = "nested deeper than " + limits.getMaxNestingDepth() + " levels";
        } else if (m.contains("StringLength")) {
            rule = "string-too-long";
            message = "a string is longer than " + limits.getMaxStringLength() + " characters";
        } else if (m.contains("DocumentLength")) {
            rule = "too-large";
            message = "document is larger than " + limits.getMaxDocumentLength() / (1024 * 1024) + " MiB";
        } else {
            rule = "too-large";
            message = "a name or number is longer than the limit";
        }
        return at(doc, e, parser, rule, message);
    }

    private static Problem syntaxProblem(Document doc, JacksonException e, JsonParser parser) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("Trailing token")) {
            return trailing(doc, parser == null ? e.getLocation() : parser.currentTokenLocation());
        }
        if (m.startsWith("Duplicate Object property") || m.startsWith("Duplicate field")) {
            return at(doc, e, parser, "duplicate-key", "the same field appears twice in one object");
        }
        String message;
        if (m.contains("end-of-input")) {
            message = "the JSON ends too early: an object, array or string is not closed";
        } else if (m.contains("Invalid UTF-8") || m.contains("Invalid UTF")) {
            message = "not valid UTF-8 text";
        } else if (m.contains("Unrecognized token")) {
            message = "not a JSON value (text must be in double quotes; true, false and null in lower case)";
        } else if (m.contains("Illegal unquoted character") || m.contains("control character")) {
            message = "a control character inside a string must be escaped";
        } else if (m.contains("double-quote to start field name")) {
            message = "expected a field name in double quotes (is there a trailing comma?)";
        } else if (m.contains("was expecting comma")) {
            message = "expected a comma between fields or items";
        } else if (m.contains("was expecting a colon")) {
            message = "expected ':' after a field name";
        } else if (m.contains("Unexpected character")) {
            message = "unexpected character";
        } else {
            message = "malformed JSON";
        }
        return at(doc, e, parser, "malformed-json", message);
    }

    private static Problem at(Document doc, JacksonException e, JsonParser parser, String rule, String message) {
        TokenStreamLocation loc = e.getLocation();
        if ((loc == null || loc.getLineNr() < 1) && parser != null) {
            loc = parser.currentLocation();
        }
        JsonPath path = JsonPath.ROOT;
        if (parser != null && parser.streamReadContext() != null) {
            path = JsonPath.of(parser.streamReadContext().pathAsPointer());
        }
        int line = loc == null || loc.getLineNr() < 1 ? 1 : loc.getLineNr();
        int column = loc == null || loc.getColumnNr() < 1 ? 1 : loc.getColumnNr();
        return problem(doc, line, column, path, rule, message);
    }

    private static Problem problem(Document doc, int line, int column, JsonPath path, String rule, String message) {
        return new Problem(doc.source(), doc.firstLine() + line - 1, column, path.toString(), rule, message);
    }

    private static Parsed failed(Problem p) {
        return new Parsed(null, p);
    }
}
