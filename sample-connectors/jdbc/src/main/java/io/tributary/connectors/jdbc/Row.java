package io.tributary.connectors.jdbc;

import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.sink.SinkRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one record becomes: a row of a table, its key columns, and whether it is written or deleted. */
record Row(SinkRecord record, String table, boolean delete, Map<String, Column> columns, List<String> keys) {

    /** A column's value and the schema it comes from. */
    record Column(Schema schema, Object value) {}

    /** The settings a row is made by. */
    record Rules(String tableFormat, String pkMode, List<String> pkFields, boolean deletes) {}

    static Row of(SinkRecord record, Rules rules) {
        String table = rules.tableFormat().replace("${topic}", record.topic());
        Map<String, Column> columns = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        if (rules.pkMode().equals("record_key")) {
            keyColumns(record, rules.pkFields(), columns, keys);
        }
        if (record.value() == null) {
            if (!rules.deletes()) {
                throw new DataException("Record " + where(record) + " is a tombstone (no value), and delete.enabled is"
                        + " false; set delete.enabled=true with pk.mode=record_key to delete the key's row");
            }
            return new Row(record, table, true, columns, keys);
        }
        if (!(record.value() instanceof Struct struct)) {
            throw new DataException("Record " + where(record) + " has a value of "
                    + record.value().getClass().getSimpleName()
                    + ", not a struct with a schema; the sink needs each field's type for its column, so use a"
                    + " converter that gives schemas (JSON with schemas.enable=true, for one)");
        }
        for (Field field : struct.schema().fields()) {
            if (!columns.containsKey(field.name())) {
                columns.put(field.name(), new Column(field.schema(), struct.get(field.name())));
            }
        }
        if (rules.pkMode().equals("record_value")) {
            for (String name : rules.pkFields()) {
                if (!columns.containsKey(name)) {
                    throw new DataException("Record " + where(record) + " has no field '" + name
                            + "' for the primary key (pk.fields); its fields are " + columns.keySet());
                }
                keys.add(name);
            }
        }
        return new Row(record, table, false, columns, keys);
    }

    private static void keyColumns(
            SinkRecord record, List<String> pkFields, Map<String, Column> columns, List<String> keys) {
        Object key = record.key();
        if (key == null) {
            throw new DataException("Record " + where(record) + " has no key, and pk.mode is record_key");
        }
        if (key instanceof Struct struct) {
            List<String> names = pkFields.isEmpty()
                    ? struct.schema().fields().stream().map(Field::name).toList()
                    : pkFields;
            for (String name : names) {
                Field field = struct.schema()
                        .field(name)
                        .orElseThrow(() -> new DataException(
                                "The key of record " + where(record) + " has no field '" + name + "' (pk.fields)"));
                columns.put(name, new Column(field.schema(), struct.get(name)));
                keys.add(name);
            }
            return;
        }
        if (record.keySchema() == null) {
            throw new DataException("The key of record " + where(record) + " has no schema, so it has no column type;"
                    + " use a key converter that gives one");
        }
        String name = pkFields.isEmpty() ? "id" : pkFields.get(0);
        columns.put(name, new Column(record.keySchema(), key));
        keys.add(name);
    }

    static String where(SinkRecord record) {
        return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }

    /** @return the statement's shape: rows of one shape share a prepared statement and a JDBC batch */
    String shape(String operation) {
        return table + "|" + operation + "|" + delete + "|" + columns.keySet() + "|" + keys;
    }
}
