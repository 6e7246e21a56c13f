package io.tributary.runtime.embed;

import io.tributary.runtime.embed.ConnectorStatus.State;
import io.tributary.runtime.embed.ConnectorStatus.TaskStatus;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.runtime.worker.ConnectorStateInfo;
import io.tributary.runtime.worker.Status;
import io.tributary.runtime.worker.WorkerConfig;
import io.tributary.sdk.config.ConfigValidation;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    /** The worker setting that names the Kafka cluster; {@link Builder#bootstrapServers(String)} sets it. */
    public static final String BOOTSTRAP_SERVERS = WorkerConfig.BOOTSTRAP_SERVERS;

    /** The worker setting for how often source offsets are committed, in milliseconds. */
    public static final String OFFSET_FLUSH_INTERVAL_MS = WorkerConfig.OFFSET_FLUSH_INTERVAL_MS;

    private final StandaloneRuntime runtime;

    /**
     * Per connector, the status reports the worker held when it was last restarted here. The worker
     * reports each change of state as a new object, so whichever of these it still holds are reports the
     * restart has not replaced yet: a failed task's FAILED, say, stays until the connector's thread starts
     * the task again. Compared by identity, as the same state reported anew is a different object.
     */
    private final Map<String, Set<Status>> reportedBeforeRestart = new ConcurrentHashMap<>();

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
     * The connector's status now. Right after {@link #restart(String)}, states reported before the restart
     * show as {@link State#RESTARTING} until the restarted connector and tasks report their own.
     *
     * @param name a connector
     * @return its status and its tasks', or empty if it is unknown
     */
    public Optional<ConnectorStatus> status(String name) {
        Set<Status> stale = reportedBeforeRestart.getOrDefault(name, Set.of());
        return runtime.status(name).map(info -> statusOf(info, stale));
    }

    private static ConnectorStatus statusOf(ConnectorStateInfo info, Set<Status> stale) {
        Status connector = current(info.connector(), stale);
        return new ConnectorStatus(
                info.name(),
                info.type(),
                stateOf(connector),
                connector.workerId(),
                connector.trace(),
                info.tasks().stream()
                        .map(task -> {
                            Status status = current(task.status(), stale);
                            return new TaskStatus(task.id(), stateOf(status), status.workerId(), status.trace());
                        })
                        .toList());
    }

    private static Status current(Status status, Set<Status> stale) {
        return stale.contains(status)
                ? new Status(io.tributary.runtime.worker.State.RESTARTING, null, status.workerId())
                : status;
    }

    private static State stateOf(Status status) {
        return switch (status.state()) {
            case UNASSIGNED -> State.UNASSIGNED;
            case RUNNING -> State.RUNNING;
            case PAUSED -> State.PAUSED;
            case FAILED -> State.FAILED;
            case STOPPED -> State.STOPPED;
            case RESTARTING -> State.RESTARTING;
        };
    }

    /**
     * Stops and removes a connector.
     *
     * @param name the connector
     * @return whether it existed
     */
    public boolean remove(String name) {
        reportedBeforeRestart.remove(name);
        return runtime.remove(name);
    }

    /** @param name a connector to pause */
    public void pause(String name) {
        runtime.control().pause(name);
    }

    /** @param name a paused connector to resume */
    public void resume(String name) {
        runtime.control().resume(name);
    }

    /**
     * Restarts a connector and its tasks with their configuration. Returns once the old instances stopped;
     * until the new ones report, {@link #status(String)} shows them {@link State#RESTARTING}.
     *
     * @param name a connector to restart with its tasks
     */
    public void restart(String name) {
        Set<Status> before = Collections.newSetFromMap(new IdentityHashMap<>());
        runtime.status(name).ifPresent(info -> {
            before.add(info.connector());
            info.tasks().forEach(task -> before.add(task.status()));
        });
        reportedBeforeRestart.put(name, before);
        runtime.control().restart(name, true, false);
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
            settings.put(BOOTSTRAP_SERVERS, Objects.requireNonNull(servers, "servers"));
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
