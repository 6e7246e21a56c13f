package io.tributary.sdk.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads text into a value and infers its schema, for {@link Values#parseString(String)}.
 *
 * <p>A recursive-descent parser over one string. It reads arrays {@code [a, b]}, maps {@code {k: v}},
 * JSON-style quoted strings, and bare tokens, which are read as booleans, numbers, ISO-8601 dates, times
 * and timestamps, {@code null}, or else as text. Text that is not well formed throughout is not an error:
 * the caller then keeps it as a plain string, because any header or config value may be free text.
 */
final class ValueParser {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** The largest magnitude below which every integer has an exact double. */
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    private final String text;
    private int pos;

    private ValueParser(String text) {
        this.text = text;
    }

    static SchemaAndValue parse(String text) {
        if (text == null) {
            return SchemaAndValue.NULL;
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return new SchemaAndValue(Schema.STRING_SCHEMA, text);
        }
        char first = trimmed.charAt(0);
        if (first == '[' || first == '{') {
            SchemaAndValue composite = new ValueParser(trimmed).parseWhole();
            if (composite != null) {
                return composite;
            }
        }
        SchemaAndValue scalar = scalar(trimmed);
        return scalar != null ? scalar : new SchemaAndValue(Schema.STRING_SCHEMA, text);
    }

    /**
     * Infers a boolean, number or temporal value from a token without surrounding whitespace.
     *
     * @return the value and its schema, or null when the token is none of these
     */
    static SchemaAndValue scalar(String token) {
        if (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false")) {
            return new SchemaAndValue(Schema.BOOLEAN_SCHEMA, Boolean.valueOf(token));
        }
        if (INTEGER.matcher(token).matches()) {
            return integer(new BigInteger(token));
        }
        if (DECIMAL.matcher(token).matches()) {
            try {
                return decimal(new BigDecimal(token));
            } catch (NumberFormatException e) {
                return null; // an exponent beyond the int range: no number type holds it
            }
        }
        return temporal(token);
    }

    private static SchemaAndValue integer(BigInteger value) {
        int bits = value.bitLength();
        if (bits < Byte.SIZE) {
            return new SchemaAndValue(Schema.INT8_SCHEMA, value.byteValue());
        } else if (bits < Short.SIZE) {
            return new SchemaAndValue(Schema.INT16_SCHEMA, value.shortValue());
        } else if (bits < Integer.SIZE) {
            return new SchemaAndValue(Schema.INT32_SCHEMA, value.intValue());
        } else if (bits < Long.SIZE) {
            return new SchemaAndValue(Schema.INT64_SCHEMA, value.longValue());
        }
        return new SchemaAndValue(Decimal.schema(0), new BigDecimal(value));
    }

    private static SchemaAndValue decimal(BigDecimal value) {
        double asDouble = value.doubleValue();
        // A double is the simpler type, but only when no digit of the text is lost on the way.
        if (Double.isFinite(asDouble) && BigDecimal.valueOf(asDouble).compareTo(value) == 0) {
            return new SchemaAndValue(Schema.FLOAT64_SCHEMA, asDouble);
        }
        return new SchemaAndValue(Decimal.schema(value.scale()), value);
    }

    private static SchemaAndValue temporal(String token) {
        try {
            if (token.indexOf('T') > 0) {
                OffsetDateTime dateTime = OffsetDateTime.parse(token, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                return new SchemaAndValue(Timestamp.SCHEMA, dateTime.toInstant());
            }
            if (token.indexOf(':') > 0) {
                return new SchemaAndValue(Time.SCHEMA, LocalTime.parse(token, DateTimeFormatter.ISO_LOCAL_TIME));
            }
            if (token.indexOf('-') > 0) {
                return new SchemaAndValue(Date.SCHEMA, LocalDate.parse(token, DateTimeFormatter.ISO_LOCAL_DATE));
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private SchemaAndValue parseWhole() {
        try {
            SchemaAndValue result = parseValue(false);
            skipWhitespace();
            return pos == text.length() ? result : null;
        } catch (MalformedTextException e) {
            return null;
        }
    }

    private SchemaAndValue parseValue(boolean isKey) {
        skipWhitespace();
        if (pos == text.length()) {
            throw new MalformedTextException();
        }
        char c = text.charAt(pos);
        if (c == '[') {
            return parseArray();
        } else if (c == '{') {
            return parseMap();
        } else if (c == '"') {
            return new SchemaAndValue(Schema.STRING_SCHEMA, parseQuoted());
        }
        String token = bareToken(isKey);
        if (token.equals("null")) {
            return SchemaAndValue.NULL;
        }
        SchemaAndValue scalar = scalar(token);
        return scalar != null ? scalar : new SchemaAndValue(Schema.STRING_SCHEMA, token);
    }

    private SchemaAndValue parseArray() {
        pos++;
        List<SchemaAndValue> elements = new ArrayList<>();
        if (!consumeIf(']')) {
            do {
                elements.add(parseValue(false));
            } while (separator(']'));
        }
        elements = unifyNumbers(elements);
        List<Object> values = new ArrayList<>(elements.size());
        List<Schema> schemas = new ArrayList<>(elements.size());
        boolean hasNull = false;
        for (SchemaAndValue element : elements) {
            values.add(element.value());
            if (element.value() == null) {
                hasNull = true;
            } else {
                schemas.add(element.schema());
            }
        }
        Schema elementSchema = SchemaInference.commonSchema(schemas, hasNull);
        Schema schema = elementSchema == null
                ? null
                : SchemaBuilder.array(elementSchema).build();
        return new SchemaAndValue(schema, Collections.unmodifiableList(values));
    }

    private SchemaAndValue parseMap() {
        pos++;
        List<SchemaAndValue> keys = new ArrayList<>();
        List<SchemaAndValue> values = new ArrayList<>();
        if (!consumeIf('}')) {
            do {
                keys.add(parseValue(true));
                skipWhitespace();
                if (!consumeIf(':')) {
                    throw new MalformedTextException();
                }
                values.add(parseValue(false));
            } while (separator('}'));
        }
        keys = unifyNumbers(keys);
        values = unifyNumbers(values);
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i).value(), values.get(i).value());
        }
        Schema keySchema = sharedSchema(keys);
        Schema valueSchema = sharedSchema(values);
        Schema schema = keySchema == null || valueSchema == null
                ? null
                : SchemaBuilder.map(keySchema, valueSchema).build();
        return new SchemaAndValue(schema, Collections.unmodifiableMap(map));
    }

    private static Schema sharedSchema(List<SchemaAndValue> items) {
        List<Schema> schemas = new ArrayList<>(items.size());
        boolean hasNull = false;
        for (SchemaAndValue item : items) {
            if (item.value() == null) {
                hasNull = true;
            } else {
                schemas.add(item.schema());
            }
        }
        return SchemaInference.commonSchema(schemas, hasNull);
    }

    /**
     * Widens mixed numbers to one type, so {@code [1, 300, 2.5]} is an array of FLOAT64 rather than an
     * array without a schema. Integers widen to the widest integer type present, and to FLOAT64 when a
     * FLOAT64 is present and every integer has an exact double. Anything else is left as it is.
     */
    private static List<SchemaAndValue> unifyNumbers(List<SchemaAndValue> items) {
        Schema.Type widest = null;
        boolean mixed = false;
        for (SchemaAndValue item : items) {
            if (item.value() == null) {
                continue;
            }
            Schema schema = item.schema();
            if (schema == null || schema.name() != null || !isWidenable(schema.type())) {
                return items;
            }
            mixed |= widest != null && widest != schema.type();
            widest = widest == null || schema.type().compareTo(widest) > 0 ? schema.type() : widest;
        }
        if (!mixed) {
            return items;
        }
        List<SchemaAndValue> widened = new ArrayList<>(items.size());
        for (SchemaAndValue item : items) {
            if (item.value() == null) {
                widened.add(item);
                continue;
            }
            Number number = (Number) item.value();
            if (widest == Schema.Type.FLOAT64
                    && !(number instanceof Double)
                    && Math.abs(number.longValue()) > EXACT_DOUBLE_LIMIT) {
                return items;
            }
            widened.add(widen(number, widest));
        }
        return widened;
    }

    private static boolean isWidenable(Schema.Type type) {
        return type == Schema.Type.INT8
                || type == Schema.Type.INT16
                || type == Schema.Type.INT32
                || type == Schema.Type.INT64
                || type == Schema.Type.FLOAT64;
    }

    private static SchemaAndValue widen(Number number, Schema.Type type) {
        return switch (type) {
            case INT16 -> new SchemaAndValue(Schema.INT16_SCHEMA, number.shortValue());
            case INT32 -> new SchemaAndValue(Schema.INT32_SCHEMA, number.intValue());
            case INT64 -> new SchemaAndValue(Schema.INT64_SCHEMA, number.longValue());
            case FLOAT64 -> new SchemaAndValue(Schema.FLOAT64_SCHEMA, number.doubleValue());
            default -> throw new IllegalStateException("Not a widening target: " + type);
        };
    }

    /** Reads {@code ,} (true: another item follows) or the closing bracket (false: the end). */
    private boolean separator(char closing) {
        skipWhitespace();
        if (consumeIf(',')) {
            return true;
        }
        if (consumeIf(closing)) {
            return false;
        }
        throw new MalformedTextException();
    }

    private String bareToken(boolean isKey) {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == ']' || c == '}' || (isKey && c == ':')) {
                break;
            }
            if (c == '[' || c == '{' || c == '"') {
                throw new MalformedTextException();
            }
            pos++;
        }
        String token = text.substring(start, pos).strip();
        if (token.isEmpty()) {
            throw new MalformedTextException();
        }
        return token;
    }

    private String parseQuoted() {
        pos++;
        StringBuilder s = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return s.toString();
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            if (pos == text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case '"', '\\', '/' -> s.append(escaped);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> s.append(unicodeEscape());
                default -> throw new MalformedTextException();
            }
        }
        throw new MalformedTextException();
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw new MalformedTextException();
        }
        int code = 0;
        for (int end = pos + 4; pos < end; pos++) {
            int digit = Character.digit(text.charAt(pos), 16);
            if (digit < 0) {
                throw new MalformedTextException();
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private boolean consumeIf(char expected) {
        skipWhitespace();
        if (pos < text.length() && text.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** Ends parsing of text that is not well formed; carries no stack trace, as the caller recovers. */
    private static final class MalformedTextException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedTextException() {
            super(null, null, false, false);
        }
    }
}
