package io.tributary.runtime.convert;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.converter.HeaderConverter;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.errors.DataException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The base of the converters of one primitive type to the fixed-width big-endian bytes of Kafka's serializer for
 * it. Writing accepts a value of exactly the type's Java class with that type's schema or none; reading gives the
 * type's optional schema and fails on bytes of the wrong length. Stateless, with no settings.
 *
 * @param <T> the Java class of the values
 */
abstract class FixedWidthConverter<T> implements Converter, HeaderConverter {
    private final Schema schema;
    private final Class<T> javaType;
    private final int width;

    /**
     * @param schema the optional schema of values read
     * @param javaType the class of values written and read
     * @param width how many bytes a value takes
     */
    FixedWidthConverter(Schema schema, Class<T> javaType, int width) {
        this.schema = schema;
        this.javaType = javaType;
        this.width = width;
    }

    /** Puts a value's bytes into a buffer of the width, big-endian. */
    abstract void encode(T value, ByteBuffer buffer);

    /** Reads a value from a buffer of the width, big-endian; throws a {@link DataException} for invalid bytes. */
    abstract T decode(ByteBuffer buffer);

    @Override
    public final ConfigDef config() {
        return ConfigDef.empty();
    }

    @Override
    public final void configure(Map<String, ?> configs, ConverterType type) {}

    @Override
    public final void configure(Map<String, ?> configs) {}

    @Override
    public final byte[] fromData(String topic, Schema valueSchema, Object value) {
        if (valueSchema != null && valueSchema.type() != schema.type()) {
            throw new DataException(name() + " writes " + schema.type() + " values only, but the schema for topic '"
                    + topic + "' is " + valueSchema + "; use a converter for that type");
        }
        if (value == null) {
            return null;
        }
        if (!javaType.isInstance(value)) {
            throw new DataException(name() + " writes " + javaType.getSimpleName() + " values only, got "
                    + value.getClass().getSimpleName() + " " + value + " for topic '" + topic + "'");
        }
        ByteBuffer buffer = ByteBuffer.allocate(width);
        encode(javaType.cast(value), buffer);
        return buffer.array();
    }

    @Override
    public final byte[] fromData(String topic, String headerKey, Schema valueSchema, Object value) {
        return fromData(topic, valueSchema, value);
    }

    @Override
    public final SchemaAndValue toData(String topic, byte[] bytes) {
        if (bytes == null) {
            return SchemaAndValue.NULL;
        }
        if (bytes.length != width) {
            throw new DataException(name() + " reads " + schema.type() + " values of exactly " + width + " byte"
                    + (width == 1 ? "" : "s") + ", but a message on topic '" + topic + "' has " + bytes.length
                    + "; check what writes to the topic, or use a converter for its format");
        }
        try {
            return new SchemaAndValue(schema, decode(ByteBuffer.wrap(bytes)));
        } catch (DataException e) {
            throw new DataException("Cannot read the message on topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    @Override
    public final SchemaAndValue toData(String topic, String headerKey, byte[] bytes) {
        return toData(topic, bytes);
    }

    @Override
    public final void close() {}

    private String name() {
        return getClass().getSimpleName();
    }
}
