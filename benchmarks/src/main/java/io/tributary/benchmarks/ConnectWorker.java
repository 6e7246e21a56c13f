package io.tributary.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * An Apache Kafka Connect standalone worker in this JVM, put together as Connect's own standalone command
 * does but without its REST server: Connect's defaults, the string converter, offsets in a file, and
 * plugins found through {@code META-INF/services} on the class path ({@code plugin.discovery=service_load}).
 */
final class ConnectWorker implements AutoCloseable {
    private static final long CALL_TIMEOUT_SECONDS = 60;

    private final Plugins plugins;
    private final StandaloneHerder herder;

    private ConnectWorker(Plugins plugins, StandaloneHerder herder) {
        this.plugins = plugins;
        this.herder = herder;
    }

    /**
     * @param bootstrapServers the cluster
     * @param offsetsFile where the worker keeps source offsets
     * @return the started worker
     */
    static ConnectWorker start(String bootstrapServers, Path offsetsFile) {
        Map<String, String> settings = new HashMap<>();
        settings.put(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.storage.StringConverter");
        settings.put(WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.storage.StringConverter");
        settings.put(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG, offsetsFile.toString());
        settings.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
        Plugins plugins = new Plugins(settings);
        // Connect makes its plugins with the delegating loader as the thread's context loader; give it back after.
        ClassLoader saved = plugins.compareAndSwapWithDelegatingLoader();
        try {
            StandaloneConfig config = new StandaloneConfig(settings);
            // Connect's default connector.client.config.override.policy, All.
            ConnectorClientConfigOverridePolicy policy = new AllConnectorClientConfigOverridePolicy();
            policy.configure(config.originals());
            FileOffsetBackingStore offsets = new FileOffsetBackingStore(plugins.newInternalConverter(
                    true, JsonConverter.class.getName(), Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false")));
            offsets.configure(config);
            Worker worker = new Worker("benchmark", Time.SYSTEM, plugins, config, offsets, policy);
            StandaloneHerder herder = new StandaloneHerder(worker, config.kafkaClusterId(), policy);
            herder.start();
            herder.ready();
            return new ConnectWorker(plugins, herder);
        } finally {
            Plugins.compareAndSwapLoaders(saved);
        }
    }

    /**
     * Creates a connector and waits until Connect accepted it; its tasks start on Connect's threads.
     *
     * @param config the connector's configuration, with {@code name}
     */
    void deploy(Map<String, String> config) {
        FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
        withConnectLoader(() -> herder.putConnectorConfig(config.get("name"), config, false, done));
        await(done, "create connector " + config.get("name"));
    }

    /**
     * Stops a connector and its tasks, and waits until they stopped.
     *
     * @param name the connector
     */
    void remove(String name) {
        FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
        withConnectLoader(() -> herder.deleteConnectorConfig(name, done));
        await(done, "delete connector " + name);
    }

    /**
     * @param name a connector
     * @return its state and its tasks', as Connect reports them
     */
    String status(String name) {
        try {
            return herder.connectorStatus(name).toString();
        } catch (RuntimeException e) {
            return "no status: " + e;
        }
    }

    @Override
    public void close() {
        withConnectLoader(herder::stop);
    }

    private void withConnectLoader(Runnable call) {
        ClassLoader saved = plugins.compareAndSwapWithDelegatingLoader();
        try {
            call.run();
        } finally {
            Plugins.compareAndSwapLoaders(saved);
        }
    }

    private static void await(FutureCallback<?> done, String what) {
        try {
            done.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka Connect could not " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka Connect did not " + what + " within " + CALL_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka Connect to " + what, e);
        }
    }
}
