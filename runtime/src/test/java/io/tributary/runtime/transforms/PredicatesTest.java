package io.tributary.runtime.transforms;

import static io.tributary.runtime.transforms.TestRecords.configured;
import static io.tributary.runtime.transforms.TestRecords.sink;
import static io.tributary.runtime.transforms.TestRecords.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.header.Headers;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Predicate;
import io.tributary.sdk.transforms.Transformation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredicatesTest {

    @Test
    void topicNameMatchesTheWholeTopicName() {
        Predicate<SourceRecord> matches = configured(new TopicNameMatches<SourceRecord>(), Map.of("pattern", "ord.*"));
        Predicate<SourceRecord> partial = configured(new TopicNameMatches<SourceRecord>(), Map.of("pattern", "ord"));

        assertThat(matches.test(source(null, "x"))).isTrue();
        assertThat(matches.test(source(null, "x").withTopic("payments"))).isFalse();
        assertThat(partial.test(source(null, "x"))).isFalse();
    }

    @Test
    void topicNameMatchesNeedsAValidPattern() {
        assertThatThrownBy(() -> new TopicNameMatches<SourceRecord>().configure(Map.of("pattern", "[a")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "Invalid value \"[a\" for 'pattern': not a valid regular expression: Unclosed"
                                                + " character class near index 1"));
        assertThatThrownBy(() -> new TopicNameMatches<SourceRecord>().configure(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Missing required setting 'pattern'");
    }

    @Test
    void hasHeaderKeyLooksForAnyHeaderOfTheName() {
        Predicate<SinkRecord> hasTrace = configured(new HasHeaderKey<SinkRecord>(), Map.of("name", "trace"));
        SinkRecord traced = sink(null, "x").withHeaders(Headers.empty().withString("trace", null));

        assertThat(hasTrace.test(traced)).isTrue();
        assertThat(hasTrace.test(sink(null, "x"))).isFalse();
    }

    @Test
    void recordIsTombstoneIsTrueForNullValuesOnly() {
        Predicate<SinkRecord> tombstone = configured(new RecordIsTombstone<SinkRecord>(), Map.of());

        assertThat(tombstone.test(sink(null, null))).isTrue();
        assertThat(tombstone.test(sink(null, "x"))).isFalse();
    }

    @Test
    void filterDropsEveryRecord() {
        Transformation<SourceRecord> filter = configured(new Filter<SourceRecord>(), Map.of());

        assertThat(filter.apply(source(null, "x"))).isNull();
    }
}
