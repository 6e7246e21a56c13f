package io.tributary.runtime.transforms;

import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.sink.SinkRecord;
import java.util.Map;

/** Checks the shape of the data a transformation is given, failing with a message that names the transformation. */
final class Require {
    private Require() {}

    /** @return the value as a map, for schemaless data */
    static Map<?, ?> map(String transformation, RecordSide side, Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new DataException(transformation + ": a " + side.noun() + " without a schema must be a Map, got "
                + Schemas.typeOf(value));
    }

    /** @return the value as a struct, for data with a schema */
    static Struct struct(String transformation, RecordSide side, Schema schema, Object value) {
        if (schema.type() == Schema.Type.STRUCT && value instanceof Struct struct) {
            return struct;
        }
        throw new DataException(transformation + ": the " + side.noun() + " must be a struct, got "
                + Schemas.typeOf(value) + " of schema " + Schemas.describe(schema));
    }

    /** @return the record's Kafka offset, which only sink records have */
    static long kafkaOffset(String transformation, String setting, ConnectRecord<?> record) {
        if (record instanceof SinkRecord sink) {
            return sink.kafkaOffset();
        }
        throw new DataException(transformation + ": '" + setting + "' needs a record read from Kafka (a SinkRecord), "
                + "which has an offset; got a " + record.getClass().getSimpleName()
                + ". Remove '" + setting + "' from a source connector's transformation");
    }
}
