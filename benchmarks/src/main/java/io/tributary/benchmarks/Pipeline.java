package io.tributary.benchmarks;

/** One way of moving records between tasks and Kafka that the benchmark times. */
interface Pipeline {

    /** @return who moves the records: the raw clients, Tributary or Kafka Connect */
    Engine engine();

    /** @return which way the records go */
    Side side();

    /**
     * Starts moving a run's records and returns at once; the clock runs from this call until the
     * benchmark sees all the records in the topic (sources) or in the sink tasks (sinks).
     *
     * @param run what to move
     * @return the running pipeline, which the benchmark closes after the clock stops
     * @throws Exception if the pipeline cannot start
     */
    Running start(Run run) throws Exception;

    /** A started pipeline. */
    interface Running extends AutoCloseable {

        /** @return what the pipeline says about itself, for a run that did not finish in time */
        default String state() {
            return "no state reported";
        }

        /** Stops the pipeline and waits until it stopped, outside the timed part. */
        @Override
        void close() throws Exception;
    }

    /** Who moves the records. */
    enum Engine {
        RAW("raw client"),
        TRIBUTARY("Tributary"),
        CONNECT("Kafka Connect"),
        /** Kafka Connect's own plugin classes, the ones Connect runs, on Tributary through its Connect adapters. */
        ADAPTED("Connect plugin on Tributary");

        private final String label;

        Engine(String label) {
            this.label = label;
        }

        /** @return the name in reports */
        String label() {
            return label;
        }
    }

    /** Which way the records go. */
    enum Side {
        /** Task to Kafka: a producer, a source connector. */
        SOURCE,
        /** Kafka to task: a consumer, a sink connector. */
        SINK,
        /**
         * Task to Kafka with real records: the datagen connector's orders, structs through the JSON converter
         * with schemas, beside a producer sending the same bytes.
         */
        DATAGEN;

        /** @return the name in reports */
        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One timed run.
     *
     * @param name unique to the run: the connector's name, and so its consumer group
     * @param topic the topic to write (sources: new and empty) or to read (sinks: filled with {@code records})
     * @param workload partitions and tasks
     * @param records how many records the run moves
     */
    record Run(String name, String topic, Workload workload, long records) {}
}
