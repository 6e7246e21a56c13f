package io.tributary.runtime.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.connect.convert.ConnectRecords;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.transforms.Predicate;
import java.util.Map;

/** A Kafka Connect predicate, asked about each record as Connect's record of the same kind. */
final class ConnectPredicate<R extends ConnectRecord<R>> implements Predicate<R> {
    @SuppressWarnings("rawtypes")
    private final org.apache.kafka.connect.transforms.predicates.Predicate predicate;

    private final Calls calls;

    ConnectPredicate(org.apache.kafka.connect.transforms.predicates.Predicate<?> predicate, ClassLoader loader) {
        this.predicate = predicate;
        this.calls = new Calls(loader);
    }

    @Override
    public ConfigDef config() {
        return calls.get(() -> ConnectConfigs.toSdk(predicate.config()));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        calls.run(() -> predicate.configure(ConnectConfigs.strings(configs)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean test(R record) {
        return calls.get(() -> predicate.test(ConnectRecords.toConnectRecord(record)));
    }

    @Override
    public void close() {
        calls.run(predicate::close);
    }

    @Override
    public String toString() {
        return "Kafka Connect predicate " + predicate.getClass().getName();
    }
}
