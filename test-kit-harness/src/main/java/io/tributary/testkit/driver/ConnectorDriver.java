package io.tributary.testkit.driver;

import io.tributary.sdk.annotation.Evolving;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.source.OffsetStorageReader;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs one {@link Connector} in the test's thread, as a worker does around it: validates its settings
 * with the connector's own {@link Connector#validate}, starts it with a context whose config is parsed
 * against {@link Connector#config()}, asks it for task configurations, and stops it. What the connector
 * asks of its context is recorded: requests to reconfigure its tasks (also from its own threads, which
 * {@link #awaitReconfigurationRequests} waits for) and errors it raises.
 *
 * <pre>{@code
 * ConnectorDriver<TablesSourceConnector> driver = ConnectorDriver.forConnector(TablesSourceConnector::new)
 *         .config(Map.of("connection.url", url, "topic.prefix", "db-"));
 * assertThat(driver.validate().errorCount()).isZero();
 * driver.start();
 * assertThat(driver.taskConfigs(4)).hasSize(2);        // two tables, two tasks
 * database.createTable("third");
 * driver.awaitReconfigurationRequests(1, Duration.ofSeconds(10));
 * assertThat(driver.taskConfigs(4)).hasSize(3);
 * driver.stop();
 * }</pre>
 *
 * <p>The worker's own settings ({@code name}, {@code connector.class}, {@code tasks.max}, converters,
 * transformations, error handling) are not checked here; the connector harness runs a whole worker.
 * Not thread-safe, except for the context's methods, which the connector may call from any thread.
 *
 * @param <C> the connector type, so {@link #connector()} needs no cast
 */
@Evolving
public final class ConnectorDriver<C extends Connector> {
    /** The name the context gives the connector unless the builder names another. */
    public static final String DEFAULT_NAME = "test-connector";

    private final Supplier<? extends C> factory;
    private final Map<String, String> config;
    private final String name;
    private final Map<Map<String, Object>, Map<String, Object>> committedOffsets;
    private final Context context = new Context();

    private C connector;
    private boolean running;

    private ConnectorDriver(Builder<C> builder) {
        this.factory = builder.factory;
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(builder.config));
        this.name = builder.name;
        this.committedOffsets = Map.copyOf(builder.committedOffsets);
        this.connector = Objects.requireNonNull(factory.get(), "the connector factory returned null");
    }

    /**
     * Starts describing a driver.
     *
     * @param factory makes a new connector instance, now and at every {@link #restart()}; a constructor
     *     reference such as {@code MySourceConnector::new}; never null
     * @param <C> the connector type
     * @return a builder
     */
    public static <C extends Connector> Builder<C> forConnector(Supplier<? extends C> factory) {
        return new Builder<>(Objects.requireNonNull(factory, "factory"));
    }

    /** @return the connector instance the driver runs now; a new one after {@link #restart()} */
    public C connector() {
        return connector;
    }

    /** @return the settings the driver validates and starts the connector with; unmodifiable */
    public Map<String, String> config() {
        return config;
    }

    /** @return whether the connector was started and not stopped since */
    public boolean isRunning() {
        return running;
    }

    /**
     * Validates the settings as a worker does before it starts the connector, and as the REST API's
     * validate endpoint does: every setting's problems, at once.
     *
     * @return the connector's validation of the settings; never null
     */
    public ConfigValidation validate() {
        return Objects.requireNonNull(connector.validate(config), "Connector.validate returned null");
    }

    /**
     * Validates the settings and starts the connector with a context whose config is parsed against its
     * definition, as a worker does.
     *
     * @return this driver
     * @throws ConfigException listing every problem, if the settings are invalid; the connector is not
     *     started then
     * @throws IllegalStateException if the connector runs already
     */
    public ConnectorDriver<C> start() {
        if (running) {
            throw new IllegalStateException("The connector runs already; stop() it first");
        }
        validate().throwIfInvalid();
        ParsedConfig parsed = connector.config().parse(config);
        context.parsed = parsed;
        if (connector instanceof SourceConnector source) {
            source.start(context);
        } else if (connector instanceof SinkConnector sink) {
            sink.start(context);
        } else {
            throw new IllegalStateException(connector.getClass().getName()
                    + " is neither a SourceConnector nor a SinkConnector; a worker cannot start it");
        }
        running = true;
        return this;
    }

    /**
     * Asks the running connector for its task configurations, as a worker does after start and after
     * each reconfiguration request, and checks what the SDK promises of them: at most {@code maxTasks},
     * none of them null.
     *
     * @param maxTasks what {@code tasks.max} would be
     * @return the configurations; unmodifiable, never null
     * @throws IllegalStateException if the connector is not running
     * @throws AssertionError if the connector returned null, more than {@code maxTasks} configurations or
     *     a null one
     */
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        if (maxTasks < 1) {
            throw new IllegalArgumentException("maxTasks is " + maxTasks + "; a worker asks for at least 1");
        }
        if (!running) {
            throw new IllegalStateException("The connector is not running; start() it first");
        }
        List<Map<String, String>> configs = connector.taskConfigs(maxTasks);
        if (configs == null) {
            throw new AssertionError("taskConfigs(" + maxTasks + ") returned null; return an empty list instead");
        }
        if (configs.size() > maxTasks) {
            throw new AssertionError("taskConfigs(" + maxTasks + ") returned " + configs.size()
                    + " configurations; a connector may return at most maxTasks");
        }
        List<Map<String, String>> copies = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            if (configs.get(i) == null) {
                throw new AssertionError("taskConfigs(" + maxTasks + ") returned null as configuration " + i);
            }
            copies.add(Map.copyOf(configs.get(i)));
        }
        return List.copyOf(copies);
    }

    /** @return how many times the connector called {@code requestTaskReconfiguration()} */
    public int reconfigurationRequests() {
        synchronized (context) {
            return context.reconfigurationRequests;
        }
    }

    /**
     * Waits until the connector has asked {@code count} times in all to reconfigure its tasks, as a
     * connector that watches its source from a thread of its own does when the source changes.
     *
     * @param count the number of requests, counted since the driver was built
     * @param timeout how long to wait
     * @return this driver
     * @throws AssertionError if the requests did not come in time
     */
    public ConnectorDriver<C> awaitReconfigurationRequests(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (context) {
            while (context.reconfigurationRequests < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Expected " + count + " task reconfiguration request(s) within " + timeout
                            + " but the connector made " + context.reconfigurationRequests);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(context, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted while waiting for task reconfiguration requests", e);
                }
            }
        }
        return this;
    }

    /** @return the errors the connector raised through {@code raiseError}, in order; a copy */
    public List<Exception> raisedErrors() {
        synchronized (context) {
            return List.copyOf(context.raised);
        }
    }

    /**
     * Stops the connector, once, as a worker does. Stopping a connector that is not running does nothing.
     *
     * @return this driver
     */
    public ConnectorDriver<C> stop() {
        if (running) {
            running = false;
            connector.stop();
        }
        return this;
    }

    /**
     * Stops the connector and starts a new instance with the same settings, as a worker does after a
     * restart request or a change of settings.
     *
     * @return this driver
     */
    public ConnectorDriver<C> restart() {
        stop();
        connector = Objects.requireNonNull(factory.get(), "the connector factory returned null");
        return start();
    }

    /** Describes a {@link ConnectorDriver}. */
    public static final class Builder<C extends Connector> {
        private final Supplier<? extends C> factory;
        private final Map<String, String> config = new LinkedHashMap<>();
        private final Map<Map<String, Object>, Map<String, Object>> committedOffsets = new LinkedHashMap<>();
        private String name = DEFAULT_NAME;

        private Builder(Supplier<? extends C> factory) {
            this.factory = factory;
        }

        /**
         * The connector's settings, as a user gives them.
         *
         * @param settings the settings; never null
         * @return this builder
         */
        public Builder<C> config(Map<String, String> settings) {
            config.putAll(Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /**
         * The connector's name, which its context reports.
         *
         * @param connectorName the name; never null
         * @return this builder
         */
        public Builder<C> name(String connectorName) {
            this.name = Objects.requireNonNull(connectorName, "connectorName");
            return this;
        }

        /**
         * A source offset the runtime holds already, which a source connector's offset reader returns.
         *
         * @param partition the source partition
         * @param offset its committed offset
         * @return this builder
         */
        public Builder<C> committedOffset(Map<String, ?> partition, Map<String, ?> offset) {
            committedOffsets.put(new LinkedHashMap<>(partition), new LinkedHashMap<>(offset));
            return this;
        }

        /**
         * Makes the driver, with a connector instance that is not started yet.
         *
         * @return the driver
         */
        public ConnectorDriver<C> build() {
            return new ConnectorDriver<>(this);
        }

        /**
         * Makes the driver and starts the connector.
         *
         * @return the driver, with the connector running
         * @throws ConfigException listing every problem, if the settings are invalid
         */
        public ConnectorDriver<C> start() {
            return build().start();
        }
    }

    private final class Context implements SourceConnectorContext, SinkConnectorContext {
        private volatile ParsedConfig parsed;
        private int reconfigurationRequests;
        private final List<Exception> raised = new ArrayList<>();

        @Override
        public String connectorName() {
            return name;
        }

        @Override
        public ParsedConfig config() {
            return parsed;
        }

        @Override
        public synchronized void requestTaskReconfiguration() {
            reconfigurationRequests++;
            notifyAll();
        }

        @Override
        public synchronized void raiseError(Exception error) {
            raised.add(Objects.requireNonNull(error, "raiseError(null)"));
        }

        @Override
        public OffsetStorageReader offsetReader() {
            return new OffsetStorageReader() {
                @Override
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    Map<String, Object> offset = committedOffsets.get(partition);
                    return offset == null ? null : Collections.unmodifiableMap(offset);
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    Map<Map<String, T>, Map<String, Object>> found = new LinkedHashMap<>();
                    for (Map<String, T> partition : partitions) {
                        Map<String, Object> offset = offset(partition);
                        if (offset != null) {
                            found.put(partition, offset);
                        }
                    }
                    return found;
                }
            };
        }
    }
}
