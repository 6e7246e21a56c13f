package io.tributary.runtime.convert;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.converter.HeaderConverter;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.data.Values;
import io.tributary.sdk.errors.ConfigException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Converts strings to and from their encoded bytes, as Kafka Connect's {@code
 * org.apache.kafka.connect.storage.StringConverter} does. Reading gives an optional STRING; bytes that are not
 * valid in the encoding read with the replacement character, as Kafka's string deserializer does.
 *
 * <p>Writing accepts any value: a string as it is, anything else in the text form of {@link
 * Values#convertToString}, whatever the schema. The setting {@value #ENCODING} (default {@code UTF-8}) names the
 * character set; the runtime passes {@code key.converter.encoding} and {@code value.converter.encoding} to it
 * without their prefixes. Also a header converter. Instances are safe to use from several threads.
 */
public final class StringConverter implements Converter, HeaderConverter {
    /** The name of the character set strings are encoded in. */
    public static final String ENCODING = "converter.encoding";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(ENCODING, ConfigDef.Type.STRING)
                    .defaultValue(StandardCharsets.UTF_8.name())
                    .validator(StringConverter::checkCharset)
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The Java character set strings are encoded in, such as UTF-8 or ISO-8859-1."))
            .build();

    private volatile Charset charset = StandardCharsets.UTF_8;

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs, ConverterType type) {
        charset = Charset.forName(CONFIG.parse(configs).getString(ENCODING));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        configure(configs, ConverterType.HEADER);
    }

    @Override
    public byte[] fromData(String topic, Schema schema, Object value) {
        return value == null ? null : Values.convertToString(schema, value).getBytes(charset);
    }

    @Override
    public byte[] fromData(String topic, String headerKey, Schema schema, Object value) {
        return fromData(topic, schema, value);
    }

    @Override
    public SchemaAndValue toData(String topic, byte[] bytes) {
        return bytes == null
                ? SchemaAndValue.NULL
                : new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, new String(bytes, charset));
    }

    @Override
    public SchemaAndValue toData(String topic, String headerKey, byte[] bytes) {
        return toData(topic, bytes);
    }

    @Override
    public void close() {}

    private static void checkCharset(String name, Object value) {
        boolean supported;
        try {
            supported = Charset.isSupported((String) value);
        } catch (IllegalCharsetNameException e) {
            supported = false;
        }
        if (!supported) {
            throw new ConfigException(
                    name, value, "not a character set this JVM supports, such as UTF-8 or ISO-8859-1");
        }
    }
}
