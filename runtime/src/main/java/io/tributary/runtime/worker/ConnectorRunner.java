package io.tributary.runtime.worker;

import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.source.OffsetStorageReader;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one connector instance on a thread of its own: start, task configurations when asked, stop.
 * Requests from the connector (reconfigure tasks, raise an error) are handled on that thread too, so
 * the connector sees one call at a time.
 */
final class ConnectorRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRunner.class);

    private final String name;
    private final Connector connector;
    private final ParsedConfig config;
    private final OffsetStorageReader offsets;
    private final int maxTasks;
    private final Consumer<List<Map<String, String>>> onTaskConfigs;
    private final BiConsumer<String, Throwable> onFailure;
    private final ExecutorService thread;
    private volatile boolean stopped;

    ConnectorRunner(
            String name,
            Connector connector,
            ParsedConfig config,
            OffsetStorageReader offsets,
            Consumer<List<Map<String, String>>> onTaskConfigs,
            BiConsumer<String, Throwable> onFailure) {
        this.name = name;
        this.connector = connector;
        this.config = config;
        this.offsets = offsets;
        this.maxTasks = config.getInt(ConnectorConfig.TASKS_MAX);
        this.onTaskConfigs = onTaskConfigs;
        this.onFailure = onFailure;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "connector-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** @return the connector instance */
    Connector connector() {
        return connector;
    }

    /**
     * Starts the connector and computes its first task configurations.
     *
     * @return completes when started; fails with the connector's exception
     */
    Future<?> start() {
        return submit(() -> {
            ClassLoader loader = connector.getClass().getClassLoader();
            Thread current = Thread.currentThread();
            current.setContextClassLoader(loader);
            if (connector instanceof SourceConnector source) {
                source.start(new SourceContext());
            } else if (connector instanceof SinkConnector sink) {
                sink.start(new SinkContext());
            }
            LOG.info("Connector {} started", name);
            reconfigure();
        });
    }

    private void reconfigure() {
        List<Map<String, String>> taskConfigs = connector.taskConfigs(maxTasks);
        if (taskConfigs == null) {
            throw new IllegalStateException("Connector " + name + " returned null from taskConfigs(" + maxTasks
                    + "); return a list, empty for no tasks");
        }
        if (taskConfigs.size() > maxTasks) {
            throw new IllegalStateException("Connector " + name + " returned " + taskConfigs.size()
                    + " task configurations but tasks.max is " + maxTasks);
        }
        onTaskConfigs.accept(taskConfigs.stream().map(Map::copyOf).toList());
    }

    /** Stops the connector, once; waits a little for it to finish. Later calls do nothing. */
    synchronized void stop() {
        if (thread.isShutdown()) {
            return;
        }
        stopped = true;
        Future<?> stopping = thread.submit(() -> {
            MDC.put("connector", name);
            try {
                connector.stop();
                LOG.info("Connector {} stopped", name);
            } catch (RuntimeException e) {
                LOG.warn("Connector {} threw from stop()", name, e);
            } finally {
                MDC.remove("connector");
            }
        });
        thread.shutdown();
        try {
            stopping.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("Connector {} did not stop within 5 s; abandoning it", name);
        }
    }

    private Future<?> submit(Runnable action) {
        return thread.submit(() -> {
            MDC.put("connector", name);
            try {
                if (!stopped) {
                    action.run();
                }
            } catch (RuntimeException e) {
                onFailure.accept(name, e);
                throw e;
            } finally {
                MDC.remove("connector");
            }
        });
    }

    /** What connectors of both kinds see of the runtime. */
    private class BaseContext {
        public String connectorName() {
            return name;
        }

        public ParsedConfig config() {
            return config;
        }

        public void requestTaskReconfiguration() {
            if (!stopped) {
                submit(ConnectorRunner.this::reconfigure);
            }
        }

        public void raiseError(Exception error) {
            LOG.error("Connector {} raised an error and will be stopped: {}", name, error.toString(), error);
            onFailure.accept(name, error);
        }
    }

    private final class SourceContext extends BaseContext implements SourceConnectorContext {
        @Override
        public OffsetStorageReader offsetReader() {
            return offsets;
        }
    }

    private final class SinkContext extends BaseContext implements SinkConnectorContext {}
}
