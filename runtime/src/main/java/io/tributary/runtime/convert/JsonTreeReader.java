package io.tributary.runtime.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Parses one JSON document into a tree, keeping every number exactly as written: a number with a fraction or
 * exponent becomes a {@link DecimalNode} with its digits and scale, so a NUMERIC decimal reads back with its
 * trailing zeros. A negative zero becomes a {@link DoubleNode} of {@code -0.0}, which a decimal cannot hold, so
 * floats keep their sign. Content after the document is refused. Thread-safe.
 */
final class JsonTreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonFactory factory;

    /** @param factory makes the parsers; its limits (nesting depth, number length) apply */
    JsonTreeReader(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * @param json a UTF-8 JSON document
     * @return its tree; null when it holds only white space
     * @throws JsonParseException if it is not valid JSON, or has content after the document
     * @throws IOException if the parser fails otherwise
     */
    JsonNode read(byte[] json) throws IOException {
        try (JsonParser parser = factory.createParser(json)) {
            return read(parser);
        }
    }

    /**
     * @param json a JSON document
     * @return its tree; null when it holds only white space
     * @throws JsonParseException if it is not valid JSON, or has content after the document
     * @throws IOException if the parser fails otherwise
     */
    JsonNode read(String json) throws IOException {
        try (JsonParser parser = factory.createParser(json)) {
            return read(parser);
        }
    }

    private static JsonNode read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return null;
        }
        JsonNode root = value(parser, first);
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "content follows the end of the JSON value");
        }
        return root;
    }

    /**
     * @param parser a parser at the token
     * @param token the first token of a value
     * @return the value's tree, the parser left at its last token
     */
    static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    object.set(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                yield array;
            }
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> IntNode.valueOf(parser.getIntValue());
                    case LONG -> LongNode.valueOf(parser.getLongValue());
                    default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> {
                BigDecimal decimal = parser.getDecimalValue();
                yield decimal.signum() == 0 && parser.getText().startsWith("-")
                        ? DoubleNode.valueOf(-0.0)
                        : DecimalNode.valueOf(decimal);
            }
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.getInstance();
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }
}
