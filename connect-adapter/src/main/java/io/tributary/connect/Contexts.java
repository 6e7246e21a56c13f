package io.tributary.connect;

import io.tributary.connect.convert.ConnectRecords;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.errors.TributaryException;
import io.tributary.sdk.sink.ErrantRecordReporter;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTaskContext;
import io.tributary.sdk.source.OffsetStorageReader;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTaskContext;
import io.tributary.sdk.source.TransactionContext;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The SDK's contexts, answered by Kafka Connect's. */
final class Contexts {
    private Contexts() {}

    /** A connector's context: its name and settings, and Connect's context for the rest. */
    private static class ConnectorContext implements io.tributary.sdk.connector.ConnectorContext {
        private final String name;
        private final ParsedConfig config;
        final org.apache.kafka.connect.connector.ConnectorContext connect;

        ConnectorContext(
                String name, ParsedConfig config, org.apache.kafka.connect.connector.ConnectorContext connect) {
            this.name = name;
            this.config = config;
            this.connect = connect;
        }

        @Override
        public String connectorName() {
            return name;
        }

        @Override
        public ParsedConfig config() {
            return config;
        }

        @Override
        public void requestTaskReconfiguration() {
            connect.requestTaskReconfiguration();
        }

        @Override
        public void raiseError(Exception error) {
            connect.raiseError(error instanceof RuntimeException runtime ? ConnectErrors.toConnect(runtime) : error);
        }
    }

    private static final class Source extends ConnectorContext implements SourceConnectorContext {
        Source(String name, ParsedConfig config, org.apache.kafka.connect.connector.ConnectorContext connect) {
            super(name, config, connect);
        }

        @Override
        public OffsetStorageReader offsetReader() {
            if (connect instanceof org.apache.kafka.connect.source.SourceConnectorContext source) {
                return readerOf(source.offsetStorageReader());
            }
            throw new UnsupportedOperationException(
                    "This Kafka Connect worker gives source connectors no offset reader; it needs Connect 3.0 or later");
        }
    }

    private static final class Sink extends ConnectorContext implements SinkConnectorContext {
        Sink(String name, ParsedConfig config, org.apache.kafka.connect.connector.ConnectorContext connect) {
            super(name, config, connect);
        }
    }

    static SourceConnectorContext source(
            String name, ParsedConfig config, org.apache.kafka.connect.connector.ConnectorContext connect) {
        return new Source(name, config, connect);
    }

    static SinkConnectorContext sink(
            String name, ParsedConfig config, org.apache.kafka.connect.connector.ConnectorContext connect) {
        return new Sink(name, config, connect);
    }

    static OffsetStorageReader readerOf(org.apache.kafka.connect.storage.OffsetStorageReader reader) {
        return new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return reader.offset(partition);
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                return reader.offsets(partitions);
            }
        };
    }

    static SourceTaskContext sourceTask(
            TaskId id, Map<String, String> config, org.apache.kafka.connect.source.SourceTaskContext connect) {
        return new SourceTaskContext() {
            @Override
            public TaskId taskId() {
                return id;
            }

            @Override
            public Map<String, String> config() {
                return config;
            }

            @Override
            public OffsetStorageReader offsetReader() {
                return readerOf(connect.offsetStorageReader());
            }

            @Override
            public Optional<TransactionContext> transactionContext() {
                org.apache.kafka.connect.source.TransactionContext transactions;
                try {
                    transactions = connect.transactionContext();
                } catch (NoSuchMethodError beforeConnect33) {
                    return Optional.empty();
                }
                return Optional.ofNullable(transactions).map(Contexts::transactions);
            }
        };
    }

    private static TransactionContext transactions(org.apache.kafka.connect.source.TransactionContext connect) {
        return new TransactionContext() {
            @Override
            public void commitTransaction() {
                connect.commitTransaction();
            }

            @Override
            public void commitTransaction(SourceRecord record) {
                connect.commitTransaction(ConnectRecords.toConnectPolled(record));
            }

            @Override
            public void abortTransaction() {
                connect.abortTransaction();
            }

            @Override
            public void abortTransaction(SourceRecord record) {
                connect.abortTransaction(ConnectRecords.toConnectPolled(record));
            }
        };
    }

    /**
     * @param delivered the Connect record each SDK record of the current batch was made from, so an errant
     *     record is reported as Connect delivered it (with the bytes it was read as, for the dead letter queue)
     */
    static SinkTaskContext sinkTask(
            TaskId id,
            Map<String, String> config,
            boolean toleratesAll,
            org.apache.kafka.connect.sink.SinkTaskContext connect,
            Function<SinkRecord, org.apache.kafka.connect.sink.SinkRecord> delivered) {
        return new SinkTaskContext() {
            @Override
            public TaskId taskId() {
                return id;
            }

            @Override
            public Map<String, String> config() {
                return config;
            }

            @Override
            public void offsets(Map<TopicPartition, Long> offsets) {
                connect.offset(ConnectRecords.positionsToConnect(offsets));
            }

            @Override
            public void timeout(Duration backoff) {
                connect.timeout(backoff.toMillis());
            }

            @Override
            public Set<TopicPartition> assignment() {
                Set<TopicPartition> assigned = new LinkedHashSet<>();
                connect.assignment().forEach(partition -> assigned.add(ConnectRecords.toSdk(partition)));
                return assigned;
            }

            @Override
            public void pause(TopicPartition... partitions) {
                connect.pause(ConnectRecords.toConnect(partitions));
            }

            @Override
            public void resume(TopicPartition... partitions) {
                connect.resume(ConnectRecords.toConnect(partitions));
            }

            @Override
            public void requestCommit() {
                connect.requestCommit();
            }

            @Override
            public ErrantRecordReporter errantRecordReporter() {
                org.apache.kafka.connect.sink.ErrantRecordReporter reporter;
                try {
                    reporter = connect.errantRecordReporter();
                } catch (NoSuchMethodError beforeConnect26) {
                    reporter = null;
                }
                if (reporter == null && toleratesAll) {
                    // Connect gives no reporter when neither a dead letter queue nor error logging is set; with
                    // errors.tolerance=all the record is then skipped, as Connect skips the records it tolerates.
                    return (record, error) -> CompletableFuture.completedFuture(null);
                }
                if (reporter == null) {
                    // As on the Tributary runtime with errors.tolerance=none, a reported record fails the task.
                    return (record, error) -> {
                        throw new TributaryException(
                                "A record of " + record.topic() + "-" + record.kafkaPartition() + " at offset "
                                        + record.kafkaOffset() + " could not be written, and the connector's"
                                        + " errors.tolerance is none (set errors.tolerance=all, and"
                                        + " errors.deadletterqueue.topic.name to keep such records): "
                                        + error.getMessage(),
                                error);
                    };
                }
                org.apache.kafka.connect.sink.ErrantRecordReporter connectReporter = reporter;
                return (record, error) -> {
                    org.apache.kafka.connect.sink.SinkRecord original = delivered.apply(record);
                    return connectReporter.report(
                            original != null ? original : ConnectRecords.toConnect(record), error);
                };
            }
        };
    }
}
