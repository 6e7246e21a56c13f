package io.tributary.sdk.data;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Writes values in the text form that {@link ValueParser} reads. */
final class ValueWriter {
    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ValueWriter() {}

    static void append(StringBuilder text, Schema schema, Object encodedOrLogical, boolean nested) {
        Object value = Values.decode(schema, encodedOrLogical);
        if (value == null) {
            text.append("null");
        } else if (value instanceof String s) {
            appendText(text, s, nested);
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            appendText(text, Base64.getEncoder().encodeToString(Schema.toArray(value)), nested);
        } else if (value instanceof BigDecimal decimal) {
            text.append(decimal.toPlainString());
        } else if (value instanceof LocalDate date) {
            text.append(DateTimeFormatter.ISO_LOCAL_DATE.format(date));
        } else if (value instanceof LocalTime time) {
            text.append(TIME_FORMAT.format(time));
        } else if (value instanceof Instant instant) {
            text.append(TIMESTAMP_FORMAT.format(instant));
        } else if (value instanceof List<?> list) {
            appendList(text, schema, list);
        } else if (value instanceof Map<?, ?> map) {
            appendMap(text, schema, map);
        } else if (value instanceof Struct struct) {
            appendStruct(text, struct);
        } else if (value instanceof Number || value instanceof Boolean) {
            text.append(value);
        } else {
            appendText(text, value.toString(), nested);
        }
    }

    private static void appendList(StringBuilder text, Schema schema, List<?> list) {
        Schema elementSchema = schema != null && schema.type() == Schema.Type.ARRAY ? schema.valueSchema() : null;
        text.append('[');
        String separator = "";
        for (Object element : list) {
            text.append(separator);
            append(text, elementSchema, element, true);
            separator = ",";
        }
        text.append(']');
    }

    private static void appendMap(StringBuilder text, Schema schema, Map<?, ?> map) {
        boolean hasSchema = schema != null && schema.type() == Schema.Type.MAP;
        text.append('{');
        String separator = "";
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            text.append(separator);
            appendKey(text, hasSchema ? schema.keySchema() : null, entry.getKey());
            text.append(':');
            append(text, hasSchema ? schema.valueSchema() : null, entry.getValue(), true);
            separator = ",";
        }
        text.append('}');
    }

    private static void appendStruct(StringBuilder text, Struct struct) {
        text.append('{');
        String separator = "";
        for (Field field : struct.schema().fields()) {
            text.append(separator);
            appendText(text, field.name(), true);
            text.append(':');
            append(text, field.schema(), struct.get(field), true);
            separator = ",";
        }
        text.append('}');
    }

    /** Quotes every key but numbers and booleans: a bare key ends at its first colon, as a time has. */
    private static void appendKey(StringBuilder text, Schema schema, Object key) {
        Object value = Values.decode(schema, key);
        if (value == null || value instanceof Number || value instanceof Boolean) {
            append(text, schema, value, true);
        } else {
            StringBuilder keyText = new StringBuilder();
            append(keyText, schema, value, false);
            appendText(text, keyText.toString(), true);
        }
    }

    private static void appendText(StringBuilder text, String s, boolean quoted) {
        if (!quoted) {
            text.append(s);
            return;
        }
        text.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default -> {
                    if (c < ' ') {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
