package io.tributary.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.sdk.transforms.Transformation;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * An SDK transformation as Kafka Connect runs one. A connector's Connect bundle holds a subclass of this for
 * each SDK transformation, named by {@link ConnectNames}, whose constructor gives it a new SDK transformation.
 *
 * @param <R> Connect's record type
 */
public abstract class TributaryTransformation<R extends ConnectRecord<R>>
        implements org.apache.kafka.connect.transforms.Transformation<R>, Versioned {
    @SuppressWarnings("rawtypes")
    private final Transformation transformation;

    /** @param transformation the SDK transformation this one runs, new */
    protected TributaryTransformation(Transformation<?> transformation) {
        this.transformation = transformation;
    }

    @Override
    public String version() {
        return PluginVersions.of(transformation);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ConnectErrors.run(() -> transformation.configure(configs));
    }

    @Override
    @SuppressWarnings("unchecked")
    public R apply(R record) {
        io.tributary.sdk.connector.ConnectRecord<?> result = ConnectErrors.call(
                () -> (io.tributary.sdk.connector.ConnectRecord<?>) transformation.apply(SdkRecords.toSdk(record)));
        return result == null ? null : SdkRecords.toConnect(record, result);
    }

    @Override
    public ConfigDef config() {
        return ConnectConfigs.toConnect(transformation.config());
    }

    @Override
    public void close() {
        ConnectErrors.run(transformation::close);
    }
}
