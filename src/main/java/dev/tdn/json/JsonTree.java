package dev.tdn.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads JSON into Jackson's tree with the streaming parser alone, node for node what an
 * {@code ObjectMapper}'s {@code readTree} gives (a test holds the two equal), but without
 * building a mapper: a mapper loads about 900 classes, 40 ms of a one-record command's start-up
 * (src/bench/README.md), and a tree needs none of them. Limits, duplicate keys and syntax are
 * the factory's parser's, as they are the mapper's; what follows the value is refused, as the
 * record mapper refuses trailing tokens.
 */
public final class JsonTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTree() {
    }

    private static final class Plain {
        static final TokenStreamFactory FACTORY = new tools.jackson.core.json.JsonFactory();
    }

    /** The document's value, or a missing node when it holds none. */
    public static JsonNode read(TokenStreamFactory factory, byte[] bytes) {
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), bytes)) {
            return read(p);
        }
    }

    /** One of tdn's own files in the jar (a schema), read with Jackson's defaults as a plain mapper would. */
    public static JsonNode resource(java.io.InputStream in) {
        try (JsonParser p = Plain.FACTORY.createParser(ObjectReadContext.empty(), in)) {
            return read(p);
        }
    }

    private static JsonNode read(JsonParser p) throws JacksonException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return MissingNode.getInstance();
        }
        JsonNode root = value(p, first);
        if (p.nextToken() != null) {
            throw new StreamReadException(p, "Trailing token after the document's value");
        }
        return root;
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws JacksonException {
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_STRING -> NODES.stringNode(p.getString());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            // as the mapper's tree reader: a double unless the parser knows better (text never does)
            case VALUE_NUMBER_FLOAT -> p.getNumberTypeFP() == JsonParser.NumberTypeFP.BIG_DECIMAL
                    ? NODES.numberNode(p.getDecimalValue()) : NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new StreamReadException(p, "Unexpected token " + t);
        };
    }

    private static ObjectNode object(JsonParser p) throws JacksonException {
        ObjectNode node = NODES.objectNode();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            node.set(name, value(p, p.nextToken()));
        }
        return node;
    }

    private static ArrayNode array(JsonParser p) throws JacksonException {
        ArrayNode node = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            node.add(value(p, t));
        }
        return node;
    }
}
