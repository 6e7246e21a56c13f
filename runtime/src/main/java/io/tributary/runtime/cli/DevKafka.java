package io.tributary.runtime.cli;

import java.nio.file.Path;

/**
 * A single-node Kafka broker started inside the worker's process for {@code --dev}, so the runtime
 * runs on a bare machine. Kafka's broker jars are large and needed only here, so implementations live
 * in a separate module that the launcher puts on the class path; they are found with ServiceLoader.
 */
public interface DevKafka extends AutoCloseable {

    /**
     * Starts the broker and waits until it takes requests.
     *
     * @param dataDirectory where the broker keeps its logs
     * @return the bootstrap servers, such as {@code localhost:39211}
     * @throws Exception if the broker cannot start
     */
    String start(Path dataDirectory) throws Exception;

    @Override
    void close();
}
