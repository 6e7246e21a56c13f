package io.tributary.runtime.convert;

import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.Time;
import io.tributary.sdk.data.Timestamp;

/** The logical types a converter encodes specially, recognised as the SDK recognises them: by name and type. */
enum LogicalType {
    DECIMAL,
    DATE,
    TIME,
    TIMESTAMP;

    /**
     * @param schema a schema; never null
     * @return its logical type, or null when the schema is a plain one
     */
    static LogicalType of(Schema schema) {
        String name = schema.name();
        if (name == null) {
            return null;
        }
        Schema.Type type = schema.type();
        return switch (name) {
            case Decimal.LOGICAL_NAME -> type == Schema.Type.BYTES ? DECIMAL : null;
            case Date.LOGICAL_NAME -> type == Schema.Type.INT32 ? DATE : null;
            case Time.LOGICAL_NAME -> type == Schema.Type.INT32 ? TIME : null;
            case Timestamp.LOGICAL_NAME -> type == Schema.Type.INT64 ? TIMESTAMP : null;
            default -> null;
        };
    }

    /**
     * Names a schema's type for messages: the logical type when there is one, else the plain type.
     *
     * @param schema a schema; never null
     * @return a short description such as {@code INT32} or {@code Decimal of scale 2}
     */
    static String describe(Schema schema) {
        LogicalType logical = of(schema);
        if (logical == null) {
            return schema.type().name();
        }
        return switch (logical) {
            case DECIMAL -> "Decimal of scale " + schema.parameters().get(Decimal.SCALE_PARAMETER);
            case DATE -> "Date";
            case TIME -> "Time";
            case TIMESTAMP -> "Timestamp";
        };
    }
}
