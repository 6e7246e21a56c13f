package io.tributary.testkit.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record read from or written to a topic by the test kit, with its key, value and header values as
 * bytes and string views of them.
 *
 * @param topic the topic; never null
 * @param partition the partition
 * @param offset the offset in the partition; -1 before it was written
 * @param timestamp milliseconds since the epoch; -1 when unknown
 * @param key the key's bytes; null for a null key
 * @param value the value's bytes; null for a tombstone
 * @param headers the headers in order; unmodifiable, never null
 */
public record KafkaRecord(
        String topic, int partition, long offset, long timestamp, byte[] key, byte[] value, List<Header> headers) {

    /**
     * One header of a record.
     *
     * @param key the header's key; never null
     * @param value its bytes; may be null
     */
    public record Header(String key, byte[] value) {
        /** @return the value as UTF-8 text; null for a null value */
        public String valueAsString() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Header other && key.equals(other.key) && java.util.Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return key.hashCode() * 31 + java.util.Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return key + "=" + valueAsString();
        }
    }

    /** Copies the header list. */
    public KafkaRecord {
        Objects.requireNonNull(topic, "topic");
        headers = List.copyOf(headers);
    }

    static KafkaRecord of(ConsumerRecord<byte[], byte[]> record) {
        List<Header> headers = new java.util.ArrayList<>();
        record.headers().forEach(h -> headers.add(new Header(h.key(), h.value())));
        return new KafkaRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.key(),
                record.value(),
                headers);
    }

    /** @return the key as UTF-8 text; null for a null key */
    public String keyAsString() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** @return the value as UTF-8 text; null for a tombstone */
    public String valueAsString() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /**
     * @param headerKey a header key
     * @return the last value of that header as UTF-8 text, or empty when the record has no such header
     */
    public Optional<String> header(String headerKey) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).key().equals(headerKey)) {
                return Optional.ofNullable(headers.get(i).valueAsString());
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaRecord other
                && topic.equals(other.topic)
                && partition == other.partition
                && offset == other.offset
                && timestamp == other.timestamp
                && java.util.Arrays.equals(key, other.key)
                && java.util.Arrays.equals(value, other.value)
                && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset + "{key=" + keyAsString() + ", value=" + valueAsString()
                + (headers.isEmpty() ? "" : ", headers=" + headers) + "}";
    }
}
