package io.tributary.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.sdk.transforms.Predicate;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * An SDK predicate as Kafka Connect runs one. A connector's Connect bundle holds a subclass of this for each
 * SDK predicate, named by {@link ConnectNames}, whose constructor gives it a new SDK predicate.
 *
 * @param <R> Connect's record type
 */
public abstract class TributaryPredicate<R extends ConnectRecord<R>>
        implements org.apache.kafka.connect.transforms.predicates.Predicate<R>, Versioned {
    @SuppressWarnings("rawtypes")
    private final Predicate predicate;

    /** @param predicate the SDK predicate this one runs, new */
    protected TributaryPredicate(Predicate<?> predicate) {
        this.predicate = predicate;
    }

    @Override
    public String version() {
        return PluginVersions.of(predicate);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ConnectErrors.run(() -> predicate.configure(configs));
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean test(R record) {
        return ConnectErrors.call(() -> predicate.test(SdkRecords.toSdk(record)));
    }

    @Override
    public ConfigDef config() {
        return ConnectConfigs.toConnect(predicate.config());
    }

    @Override
    public void close() {
        ConnectErrors.run(predicate::close);
    }
}
