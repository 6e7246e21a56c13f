package io.tributary.runtime.worker;

import io.tributary.runtime.plugins.AdaptedConnector;
import io.tributary.runtime.plugins.PluginFactory;
import io.tributary.runtime.transforms.TransformationChain;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.connector.Task;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.converter.HeaderConverter;
import io.tributary.sdk.errors.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Makes what a task is made of: the task instance, its converters and its transformation chain. */
final class TaskFactory {
    private final WorkerConfig worker;
    private final PluginFactory plugins;

    TaskFactory(WorkerConfig worker, PluginFactory plugins) {
        this.worker = worker;
        this.plugins = plugins;
    }

    /**
     * Instantiates the connector's task class with the thread's context class loader set to the class's own;
     * a connector adapted from another API makes its tasks itself.
     *
     * @param connector the running connector
     * @param type the kind of task expected
     * @param <T> that kind
     * @return a new task
     */
    <T> T newTask(Connector connector, Class<T> type) {
        if (connector instanceof AdaptedConnector adapted) {
            Task task = adapted.newTask();
            if (!type.isInstance(task)) {
                throw new ConfigException("The connector's task " + task + " is not a " + type.getName());
            }
            return type.cast(task);
        }
        Class<?> taskClass = connector.taskClass();
        if (taskClass == null || !type.isAssignableFrom(taskClass)) {
            throw new ConfigException(
                    "The connector's taskClass() " + taskClass + " is not a " + type.getName() + "; fix the connector");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(taskClass.getClassLoader());
        try {
            return type.cast(taskClass.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ConfigException("Cannot create task " + taskClass.getName() + ": " + e
                    + "; it needs a public no-argument constructor");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * @param connectorConfig the connector's configuration
     * @return the task's key, value and header converters, configured
     */
    TaskConverters converters(Map<String, String> connectorConfig) {
        Converter key = converter(connectorConfig, ConnectorConfig.KEY_CONVERTER, ConverterType.KEY);
        Converter value = converter(connectorConfig, ConnectorConfig.VALUE_CONVERTER, ConverterType.VALUE);
        String headerClass = connectorConfig.get(ConnectorConfig.HEADER_CONVERTER);
        HeaderConverter header;
        if (headerClass != null && !headerClass.isBlank()) {
            header = plugins.newPlugin(headerClass, HeaderConverter.class);
            header.configure(ConnectorConfig.withPrefix(connectorConfig, ConnectorConfig.HEADER_CONVERTER + "."));
        } else {
            header = plugins.newPlugin(worker.parsed().getString(WorkerConfig.HEADER_CONVERTER), HeaderConverter.class);
            header.configure(worker.parsed().originalsWithPrefix(WorkerConfig.HEADER_CONVERTER + "."));
        }
        return new TaskConverters(key, value, header);
    }

    private Converter converter(Map<String, String> connectorConfig, String setting, ConverterType type) {
        String own = connectorConfig.get(setting);
        Converter converter;
        Map<String, Object> settings;
        if (own != null && !own.isBlank()) {
            converter = plugins.newPlugin(own, Converter.class);
            settings = ConnectorConfig.withPrefix(connectorConfig, setting + ".");
        } else {
            converter = plugins.newPlugin(worker.parsed().getString(setting), Converter.class);
            settings = worker.parsed().originalsWithPrefix(setting + ".");
        }
        converter.configure(settings, type);
        return converter;
    }

    /**
     * @param connectorConfig the connector's configuration
     * @param <R> the record type
     * @return the connector's transformation chain; returns null for records to drop
     */
    <R extends ConnectRecord<R>> UnaryOperator<R> transforms(Map<String, String> connectorConfig) {
        TransformationChain<R> chain = TransformationChain.fromConfig(connectorConfig, plugins);
        return new ClosingChain<>(chain);
    }

    /**
     * Checks the transformations and predicates of a configuration.
     *
     * @param connectorConfig the configuration
     * @throws ConfigException listing every problem
     */
    void checkTransforms(Map<String, String> connectorConfig) {
        TransformationChain.fromConfig(connectorConfig, plugins).close();
    }

    /**
     * Creates a topic if it does not exist, with a replication factor no larger than the cluster.
     *
     * @param adminConfig admin client settings
     * @param topic the topic
     * @param replicationFactor the wanted replication factor; -1 for the broker's default
     */
    void ensureTopic(Map<String, Object> adminConfig, String topic, short replicationFactor) {
        try (Admin admin = Admin.create(adminConfig)) {
            if (admin.listTopics().names().get().contains(topic)) {
                return;
            }
            int brokers = admin.describeCluster().nodes().get().size();
            short factor = replicationFactor < 0 ? -1 : (short) Math.min(replicationFactor, brokers);
            NewTopic newTopic = factor < 0
                    ? new NewTopic(topic, java.util.Optional.empty(), java.util.Optional.empty())
                    : new NewTopic(topic, 1, factor);
            CreateTopicsResult result = admin.createTopics(List.of(newTopic));
            result.all().get();
            TopicCreator.awaitServing(admin, topic, result.numPartitions(topic).get());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ConfigException("Cannot create topic '" + topic + "': "
                        + e.getCause().getMessage() + "; create it yourself or give the worker the rights to");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("Interrupted while creating topic '" + topic + "'");
        }
    }

    /** A transformation chain the runners can apply and close. */
    private record ClosingChain<R extends ConnectRecord<R>>(TransformationChain<R> chain)
            implements UnaryOperator<R>, AutoCloseable {
        @Override
        public R apply(R record) {
            return chain.apply(record);
        }

        @Override
        public void close() {
            chain.close();
        }
    }
}
