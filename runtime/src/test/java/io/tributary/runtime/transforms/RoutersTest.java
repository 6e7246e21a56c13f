package io.tributary.runtime.transforms;

import static io.tributary.runtime.transforms.TestRecords.configured;
import static io.tributary.runtime.transforms.TestRecords.sink;
import static io.tributary.runtime.transforms.TestRecords.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Transformation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutersTest {

    @Test
    void regexRouterRenamesMatchingTopicsWithGroups() {
        Transformation<SourceRecord> route =
                configured(new RegexRouter<SourceRecord>(), Map.of("regex", "(.*)rs", "replacement", "$1rs-v2"));

        SourceRecord renamed = route.apply(source(null, "x"));
        SourceRecord other = route.apply(source(null, "x").withTopic("payments"));

        assertThat(renamed.topic()).isEqualTo("orders-v2");
        assertThat(renamed.value()).isEqualTo("x");
        assertThat(other.topic()).isEqualTo("payments");
    }

    @Test
    void regexRouterNeedsTheWholeTopicToMatch() {
        Transformation<SourceRecord> route =
                configured(new RegexRouter<SourceRecord>(), Map.of("regex", "order", "replacement", "x"));

        assertThat(route.apply(source(null, "x")).topic()).isEqualTo("orders");
    }

    @Test
    void regexRouterRefusesAnInvalidRegexAndAMissingReplacement() {
        assertThatThrownBy(() -> new RegexRouter<SourceRecord>().configure(Map.of("regex", "(unclosed")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "Invalid value \"(unclosed\" for 'regex': not a valid regular expression:"
                                                + " Unclosed group near index 9",
                                        "Missing required setting 'replacement' (The new topic name; $1, $2, ... refer"
                                                + " to the regex's groups.); it has no default"));
    }

    @Test
    void timestampRouterUsesTheDefaultsOfKafkaConnect() {
        Transformation<SinkRecord> route = configured(new TimestampRouter<SinkRecord>(), Map.of());

        assertThat(route.apply(sink(null, "x")).topic()).isEqualTo("orders-20240131");
    }

    @Test
    void timestampRouterFormatsTopicAndTimestampInUtc() {
        Transformation<SourceRecord> route = configured(
                new TimestampRouter<SourceRecord>(),
                Map.of("topic.format", "${timestamp}_${topic}", "timestamp.format", "yyyy-MM-dd-HH"));

        assertThat(route.apply(source(null, "x")).topic()).isEqualTo("2024-01-31-11_orders");
    }

    @Test
    void timestampRouterFailsOnRecordsWithoutTimestamp() {
        Transformation<SourceRecord> route = configured(new TimestampRouter<SourceRecord>(), Map.of());

        assertThatThrownBy(() -> route.apply(TestRecords.sourceWithKey(null, "k")))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("TimestampRouter: the record for topic 'orders' has no timestamp to route by");
    }
}
