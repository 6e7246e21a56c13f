package io.tributary.runtime.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.connect.convert.ConnectRecords;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.transforms.Transformation;
import java.util.Map;

/**
 * A Kafka Connect transformation in the worker's chain: each record goes to it as Connect's record of the
 * same kind and comes back as the SDK's; a record it drops (null) stays dropped.
 */
final class ConnectTransformation<R extends ConnectRecord<R>> implements Transformation<R> {
    @SuppressWarnings("rawtypes")
    private final org.apache.kafka.connect.transforms.Transformation transformation;

    private final Calls calls;

    ConnectTransformation(org.apache.kafka.connect.transforms.Transformation<?> transformation, ClassLoader loader) {
        this.transformation = transformation;
        this.calls = new Calls(loader);
    }

    @Override
    public ConfigDef config() {
        return calls.get(() -> ConnectConfigs.toSdk(transformation.config()));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        calls.run(() -> transformation.configure(ConnectConfigs.strings(configs)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public R apply(R record) {
        return calls.get(() -> (R) ConnectRecords.apply(record, transformation::apply));
    }

    @Override
    public void close() {
        calls.run(transformation::close);
    }

    @Override
    public String toString() {
        return "Kafka Connect transformation " + transformation.getClass().getName();
    }
}
