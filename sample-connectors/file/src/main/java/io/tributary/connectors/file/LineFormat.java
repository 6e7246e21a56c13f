package io.tributary.connectors.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.sink.SinkRecord;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a record's value into one line of the file, in one of the sink's formats. */
enum LineFormat {
    /** The value as a string, as Kafka Connect's FileStream sink writes it. */
    TEXT {
        @Override
        String line(SinkRecord record) {
            return oneLine(String.valueOf(record.value()), record);
        }
    },
    /** The value as one line of JSON: structs and maps as objects, logical types as text or numbers. */
    JSON {
        @Override
        String line(SinkRecord record) {
            try {
                return MAPPER.writeValueAsString(plain(record.value()));
            } catch (JsonProcessingException e) {
                throw new DataException(
                        "Cannot write the value of " + where(record) + " as JSON: " + e.getMessage(), e);
            }
        }
    },
    /** The fields of a struct value, comma-separated, quoted where needed. */
    CSV {
        @Override
        String line(SinkRecord record) {
            Struct struct = struct(record);
            List<String> cells = new ArrayList<>();
            for (Field field : struct.schema().fields()) {
                Object value = plain(struct.get(field.name()));
                cells.add(
                        value == null
                                ? ""
                                : quoted(
                                        value instanceof Map || value instanceof List
                                                ? json(value)
                                                : value.toString()));
            }
            return String.join(",", cells);
        }

        @Override
        String header(SinkRecord record) {
            List<String> names = new ArrayList<>();
            for (Field field : struct(record).schema().fields()) {
                names.add(quoted(field.name()));
            }
            return String.join(",", names);
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param record a record
     * @return its line, without a line break
     * @throws DataException if the record cannot be a line of this format
     */
    abstract String line(SinkRecord record);

    /**
     * @param record the first record of an empty file
     * @return the line of column names that starts the file, or null when the format has none
     */
    String header(SinkRecord record) {
        return null;
    }

    static LineFormat of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static String oneLine(String text, SinkRecord record) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new DataException("The value of " + where(record)
                    + " holds a line break, so it would be read back as two lines; use format json, which escapes it");
        }
        return text;
    }

    private static Struct struct(SinkRecord record) {
        if (record.value() instanceof Struct struct) {
            return struct;
        }
        throw new DataException("Format csv writes struct values, but the value of " + where(record) + " is "
                + (record.value() == null
                        ? "null"
                        : "a " + record.value().getClass().getSimpleName())
                + "; use format json or text for it, or a converter that gives structs");
    }

    private static String quoted(String cell) {
        if (cell.isEmpty() || cell.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new DataException("Cannot write " + value + " as JSON: " + e.getMessage(), e);
        }
    }

    /** An SDK value as maps, lists, strings, numbers and booleans, which JSON writes as they are. */
    private static Object plain(Object value) {
        if (value instanceof Struct struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                fields.put(field.name(), plain(struct.get(field.name())));
            }
            return fields;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            map.forEach((key, entry) -> entries.put(String.valueOf(key), plain(entry)));
            return entries;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(LineFormat::plain).toList();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof LocalDate || value instanceof LocalTime || value instanceof Instant) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return value;
    }

    private static String where(SinkRecord record) {
        return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }
}
