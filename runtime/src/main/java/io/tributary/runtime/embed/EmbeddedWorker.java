package io.tributary.runtime.embed;

import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.runtime.worker.ConnectorStateInfo;
import io.tributary.runtime.worker.WorkerConfig;
import io.tributary.sdk.config.ConfigValidation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The runtime's public surface for embedding: start a worker in this process, deploy connectors to it,
 * read their status, remove them. The test kit's connector harness is built on it.
 *
 * <pre>{@code
 * try (EmbeddedWorker worker = EmbeddedWorker.builder()
 *         .bootstrapServers(kafka.bootstrapServers())
 *         .setting("offset.flush.interval.ms", "1000")
 *         .start()) {
 *     worker.deploy(Map.of("name", "numbers", "connector.class", "com.example.CountingSourceConnector", ...));
 *     worker.status("numbers").ifPresent(System.out::println);
 * }
 * }</pre>
 *
 * <p>Source offsets are kept in memory unless {@code offset.storage.file.filename} is set. Thread-safe.
 */
public final class EmbeddedWorker implements AutoCloseable {
    private final StandaloneRuntime runtime;

    private EmbeddedWorker(StandaloneRuntime runtime) {
        this.runtime = runtime;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates and starts a connector.
     *
     * @param connectorConfig its configuration, with {@code name} and {@code connector.class}
     * @throws io.tributary.sdk.errors.ConfigException listing every problem
     */
    public void deploy(Map<String, String> connectorConfig) {
        runtime.deploy(connectorConfig);
    }

    /**
     * @param connectorConfig a connector configuration
     * @return every setting's problems, without running anything
     */
    public ConfigValidation validate(Map<String, String> connectorConfig) {
        return runtime.validate(connectorConfig);
    }

    /**
     * @param name a connector
     * @return its status and its tasks', or empty if it is unknown
     */
    public Optional<ConnectorStateInfo> status(String name) {
        return runtime.status(name);
    }

    /**
     * Stops and removes a connector.
     *
     * @param name the connector
     * @return whether it existed
     */
    public boolean remove(String name) {
        return runtime.remove(name);
    }

    /** @param name a connector to pause */
    public void pause(String name) {
        runtime.worker().pauseConnector(name);
    }

    /** @param name a paused connector to resume */
    public void resume(String name) {
        runtime.worker().resumeConnector(name);
    }

    /** @param name a connector to restart with its tasks */
    public void restart(String name) {
        runtime.worker().restartConnector(name);
    }

    /** @return the names of the deployed connectors */
    public List<String> connectors() {
        return runtime.connectors();
    }

    /** Stops every connector and the worker. */
    @Override
    public void close() {
        runtime.close();
    }

    /** Collects an embedded worker's settings. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder() {}

        /** @param servers the Kafka cluster to use @return this builder */
        public Builder bootstrapServers(String servers) {
            settings.put(WorkerConfig.BOOTSTRAP_SERVERS, Objects.requireNonNull(servers, "servers"));
            return this;
        }

        /** @param paths folders, JARs or bundle ZIPs with plugins @return this builder */
        public Builder pluginPath(Path... paths) {
            settings.put(
                    WorkerConfig.PLUGIN_PATH,
                    String.join(",", List.of(paths).stream().map(Path::toString).toList()));
            return this;
        }

        /**
         * @param key any worker setting, such as {@code value.converter}
         * @param value its value
         * @return this builder
         */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /**
         * @return the started worker
         * @throws io.tributary.sdk.errors.ConfigException listing every invalid setting
         */
        public EmbeddedWorker start() {
            return new EmbeddedWorker(StandaloneRuntime.start(settings));
        }
    }
}
