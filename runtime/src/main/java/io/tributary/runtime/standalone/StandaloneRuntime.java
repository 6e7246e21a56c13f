package io.tributary.runtime.standalone;

import io.tributary.runtime.control.ConnectorControl;
import io.tributary.runtime.control.TargetState;
import io.tributary.runtime.convert.BuiltInConverters;
import io.tributary.runtime.operations.LogLevels;
import io.tributary.runtime.operations.PluginCatalog;
import io.tributary.runtime.plugins.Plugins;
import io.tributary.runtime.storage.FileOffsetStore;
import io.tributary.runtime.storage.MemoryOffsetStore;
import io.tributary.runtime.storage.OffsetStore;
import io.tributary.runtime.transforms.BuiltInTransforms;
import io.tributary.runtime.worker.ConnectorConfig;
import io.tributary.runtime.worker.ConnectorStateInfo;
import io.tributary.runtime.worker.State;
import io.tributary.runtime.worker.Status;
import io.tributary.runtime.worker.StatusStore;
import io.tributary.runtime.worker.Worker;
import io.tributary.runtime.worker.WorkerConfig;
import io.tributary.sdk.config.ConfigValidation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker in one process, its connectors given by configuration: standalone mode, and the engine
 * behind the embedding API. Source offsets live in {@code offset.storage.file.filename} (or in memory
 * when that is empty). Thread-safe.
 */
public final class StandaloneRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneRuntime.class);

    private final Worker worker;
    private final Plugins plugins;
    private final StandaloneControl control;

    private StandaloneRuntime(Worker worker, Plugins plugins, OffsetStore offsets) {
        this.worker = worker;
        this.plugins = plugins;
        this.control =
                new StandaloneControl(worker, new PluginCatalog(plugins), offsets, new LogLevels(Clock.systemUTC()));
    }

    /**
     * Starts a worker with the given settings.
     *
     * @param workerSettings the worker's settings (see {@link WorkerConfig})
     * @return the running worker, with no connectors yet
     * @throws io.tributary.sdk.errors.ConfigException listing every invalid setting
     */
    public static StandaloneRuntime start(Map<String, String> workerSettings) {
        return start(workerSettings, workerId());
    }

    /**
     * Starts a worker with the given settings and id.
     *
     * @param workerSettings the worker's settings (see {@link WorkerConfig})
     * @param workerId the id statuses show: the {@code host:port} of the worker's REST API when it serves one
     * @return the running worker, with no connectors yet
     * @throws io.tributary.sdk.errors.ConfigException listing every invalid setting
     */
    public static StandaloneRuntime start(Map<String, String> workerSettings, String workerId) {
        WorkerConfig config = new WorkerConfig(workerSettings);
        Plugins plugins = plugins(config);
        plugins.problems().forEach(problem -> LOG.warn("Skipping plugin {}", problem));
        String offsetsFile = config.parsed().getString(WorkerConfig.OFFSET_STORAGE_FILE);
        OffsetStore offsets =
                offsetsFile.isBlank() ? new MemoryOffsetStore() : new FileOffsetStore(Path.of(offsetsFile));
        Worker worker = new Worker(workerId, config, plugins, offsets, new StatusStore(), Clock.systemUTC());
        LOG.info("Worker {} started against {} with {}", worker.workerId(), config.bootstrapServers(), offsets);
        return new StandaloneRuntime(worker, plugins, offsets);
    }

    /**
     * Finds the plugins of a worker's {@code plugin.path}, plus the built-in converters and transformations.
     *
     * @param config the worker's settings
     * @return the plugin registry; close it when done
     */
    public static Plugins plugins(WorkerConfig config) {
        Map<String, Class<?>> aliases = new HashMap<>(BuiltInConverters.aliases());
        aliases.putAll(BuiltInTransforms.aliases());
        aliases.putAll(io.tributary.runtime.config.BuiltInConfigProviders.aliases());
        return Plugins.builder()
                .pluginPath(config.parsed().getList(WorkerConfig.PLUGIN_PATH).stream()
                        .filter(p -> !p.isBlank())
                        .map(Path::of)
                        .toList())
                .aliases(aliases)
                .parentLoader(StandaloneRuntime.class.getClassLoader())
                .build();
    }

    private static String workerId() {
        try {
            return InetAddress.getLocalHost().getHostName() + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
        } catch (UnknownHostException e) {
            return "worker-" + UUID.randomUUID().toString().substring(0, 8);
        }
    }

    /** @return the worker */
    public Worker worker() {
        return worker;
    }

    /** @return what the REST API asks of this worker */
    public ConnectorControl control() {
        return control;
    }

    /** @return the plugin registry */
    public Plugins plugins() {
        return plugins;
    }

    /**
     * @param connectorConfig a connector configuration
     * @return every setting's problems
     */
    public ConfigValidation validate(Map<String, String> connectorConfig) {
        return worker.validate(connectorConfig);
    }

    /**
     * Validates and starts a connector.
     *
     * @param connectorConfig its configuration
     * @throws io.tributary.sdk.errors.ConfigException listing every problem
     */
    public void deploy(Map<String, String> connectorConfig) {
        worker.validate(connectorConfig).throwIfInvalid();
        String name = connectorConfig.get(ConnectorConfig.NAME);
        control.putConnectorConfig(name, connectorConfig, TargetState.RUNNING, false);
        LOG.info("Connector {} deployed", connectorConfig.get(ConnectorConfig.NAME));
    }

    /**
     * Stops and removes a connector.
     *
     * @param name the connector
     * @return whether it existed
     */
    public boolean remove(String name) {
        if (!control.connectors().contains(name)) {
            return false;
        }
        control.delete(name);
        return true;
    }

    /**
     * @param name a connector
     * @return its status and its tasks', or empty if it is unknown
     */
    public Optional<ConnectorStateInfo> status(String name) {
        Optional<Status> connector = worker.statuses().connector(name);
        if (connector.isEmpty()) {
            return Optional.empty();
        }
        String type = worker.connectorType(name).orElse("unknown");
        List<ConnectorStateInfo.TaskState> tasks = worker.statuses().tasks(name).stream()
                .map(e -> new ConnectorStateInfo.TaskState(e.getKey().task(), e.getValue()))
                .toList();
        return Optional.of(new ConnectorStateInfo(name, type, connector.get(), tasks));
    }

    /** @return the names of the connectors */
    public List<String> connectors() {
        return control.connectors();
    }

    /**
     * @param name a connector
     * @return whether it and all its tasks are running
     */
    public boolean isRunning(String name) {
        return status(name).map(ConnectorStateInfo::isRunning).orElse(false);
    }

    /**
     * @param name a connector
     * @return whether it or any task failed
     */
    public boolean hasFailed(String name) {
        return status(name)
                .map(s -> s.connector().state() == State.FAILED
                        || s.tasks().stream().anyMatch(t -> t.status().state() == State.FAILED))
                .orElse(false);
    }

    /** Stops every connector, then the worker and its plugins. */
    @Override
    public void close() {
        worker.close();
        plugins.close();
        LOG.info("Worker {} stopped", worker.workerId());
    }
}
