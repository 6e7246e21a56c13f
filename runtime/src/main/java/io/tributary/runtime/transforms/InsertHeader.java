package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.data.Values;
import io.tributary.sdk.transforms.Transformation;
import java.util.Map;

/**
 * Adds a header with a fixed value to every record, after its existing headers. The literal is read as
 * {@link Values#parseString} reads text, so {@code 42} is an INT8, {@code true} a BOOLEAN, {@code [1,2]}
 * an ARRAY and anything else a STRING.
 *
 * @param <R> the record type
 */
public final class InsertHeader<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String HEADER = "header";
    static final String VALUE_LITERAL = "value.literal";
    private static final String NAME = "InsertHeader";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(HEADER, ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The name of the header."))
            .define(ConfigKey.builder(VALUE_LITERAL, ConfigDef.Type.STRING)
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The value of the header, as text; its type is inferred from it."))
            .build();

    private String header;
    private SchemaAndValue literal;

    /** Makes the transformation; {@link #configure} sets it up. */
    public InsertHeader() {}

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(NAME, CONFIG, configs);
        header = config.getString(HEADER);
        literal = Values.parseString(config.getString(VALUE_LITERAL));
    }

    @Override
    public R apply(R record) {
        return record.withHeaders(record.headers().with(header, literal.schema(), literal.value()));
    }

    @Override
    public String toString() {
        return NAME;
    }
}
