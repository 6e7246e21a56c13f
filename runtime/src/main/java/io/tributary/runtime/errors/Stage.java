package io.tributary.runtime.errors;

/** Where in a task's pipeline an operation failed; dead letter queue headers and logs name it. */
public enum Stage {
    /** A source task's {@code poll}. */
    TASK_POLL,
    /** A sink task's {@code put}, or a record the sink task reported as errant. */
    TASK_PUT,
    /** A transformation or predicate. */
    TRANSFORMATION,
    /** The key converter. */
    KEY_CONVERTER,
    /** The value converter. */
    VALUE_CONVERTER,
    /** The header converter. */
    HEADER_CONVERTER,
    /** Sending a record to Kafka. */
    KAFKA_PRODUCE,
    /** Reading records from Kafka. */
    KAFKA_CONSUME
}
