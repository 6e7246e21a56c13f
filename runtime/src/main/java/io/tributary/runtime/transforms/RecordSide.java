package io.tributary.runtime.transforms;

import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.data.Schema;

/** The half of a record that a {@code $Key} or {@code $Value} transformation works on. */
enum RecordSide {
    KEY("Key", "key"),
    VALUE("Value", "value");

    private final String className;
    private final String noun;

    RecordSide(String className, String noun) {
        this.className = className;
        this.noun = noun;
    }

    /** @return the simple name of the nested class for this side, {@code Key} or {@code Value} */
    String className() {
        return className;
    }

    /** @return {@code key} or {@code value}, for messages */
    String noun() {
        return noun;
    }

    Schema schema(ConnectRecord<?> record) {
        return this == KEY ? record.keySchema() : record.valueSchema();
    }

    Object value(ConnectRecord<?> record) {
        return this == KEY ? record.key() : record.value();
    }

    <R extends ConnectRecord<R>> R with(R record, Schema schema, Object value) {
        return this == KEY ? record.withKey(schema, value) : record.withValue(schema, value);
    }

    /**
     * @param transformation the simple name of the outer class, such as {@code InsertField}
     * @return the name users know the variant by, such as {@code InsertField$Value}
     */
    String nameOf(String transformation) {
        return transformation + "$" + className;
    }
}
