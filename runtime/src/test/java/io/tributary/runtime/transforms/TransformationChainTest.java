package io.tributary.runtime.transforms;

import static io.tributary.runtime.transforms.TestRecords.ORDER;
import static io.tributary.runtime.transforms.TestRecords.order;
import static io.tributary.runtime.transforms.TestRecords.settings;
import static io.tributary.runtime.transforms.TestRecords.sink;
import static io.tributary.runtime.transforms.TestRecords.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.source.SourceRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformationChainTest {
    private final FakePluginFactory plugins = new FakePluginFactory();

    @Test
    void appliesTransformationsInOrderWithConnectConfigNames() {
        TransformationChain<SinkRecord> chain = TransformationChain.fromConfig(
                Map.of(
                        "transforms", "addOffset, route",
                        "transforms.addOffset.type", "org.apache.kafka.connect.transforms.InsertField$Value",
                        "transforms.addOffset.offset.field", "offset",
                        "transforms.route.type", "RegexRouter",
                        "transforms.route.regex", "orders",
                        "transforms.route.replacement", "orders-with-offsets"),
                plugins);

        SinkRecord result = chain.apply(sink(ORDER, order(1, "ann", null)));

        assertThat(chain.stages()).extracting(TransformationChain.Stage::alias).containsExactly("addOffset", "route");
        assertThat(result.topic()).isEqualTo("orders-with-offsets");
        assertThat(((Struct) result.value()).getInt64("offset")).isEqualTo(42L);
    }

    @Test
    void aPredicateChoosesTheRecordsAndNegateInvertsIt() {
        Map<String, String> config = settings(
                "transforms", "dropTombstones,tagOthers",
                "transforms.dropTombstones.type", "Filter",
                "transforms.dropTombstones.predicate", "isTombstone",
                "transforms.tagOthers.type", "InsertHeader",
                "transforms.tagOthers.header", "routed",
                "transforms.tagOthers.value.literal", "yes",
                "transforms.tagOthers.predicate", "isOrders",
                "transforms.tagOthers.negate", "true",
                "predicates", "isTombstone,isOrders",
                "predicates.isTombstone.type", "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone",
                "predicates.isOrders.type", "TopicNameMatches",
                "predicates.isOrders.pattern", "orders");
        try (TransformationChain<SourceRecord> chain = TransformationChain.fromConfig(config, plugins)) {
            assertThat(chain.apply(source(null, null))).isNull();
            assertThat(chain.apply(source(null, "x")).headers().isEmpty()).isTrue();
            assertThat(chain.apply(source(null, "x").withTopic("payments"))
                            .headers()
                            .lastWithKey("routed"))
                    .isPresent();
        }
    }

    @Test
    void aNullFromAnyStepDropsTheRecordBeforeLaterSteps() {
        TransformationChain<SourceRecord> chain = TransformationChain.fromConfig(
                Map.of(
                        "transforms", "drop,toKey",
                        "transforms.drop.type", "Filter",
                        "transforms.toKey.type", "ValueToKey",
                        "transforms.toKey.fields", "missing-would-fail"),
                plugins);

        assertThat(chain.apply(source(ORDER, order(1, "ann", null)))).isNull();
    }

    @Test
    void noTransformsGivesAnEmptyChainThatPassesRecordsThrough() {
        TransformationChain<SourceRecord> chain = TransformationChain.fromConfig(Map.of("transforms", " "), plugins);
        SourceRecord record = source(null, "x");

        assertThat(chain.stages()).isEmpty();
        assertThat(chain.apply(record)).isSameAs(record);
    }

    @Test
    void everyConfigProblemIsReportedTogetherAndWhatWasMadeIsClosed() {
        Map<String, String> config = settings(
                "transforms", "noType,badPredicate,negateAlone,badConfig,unknown,noType",
                "transforms.badPredicate.type", FakePluginFactory.Closing.class.getName(),
                "transforms.badPredicate.predicate", "undefined",
                "transforms.negateAlone.type", "Filter",
                "transforms.negateAlone.negate", "true",
                "transforms.badConfig.type", "InsertField$Value",
                "transforms.badConfig.partition.field", "!",
                "transforms.unknown.type", "com.example.Missing",
                "predicates", "p",
                "predicates.p.type", "TopicNameMatches");

        assertThatThrownBy(() -> TransformationChain.fromConfig(config, plugins))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "predicates.p: Missing required setting 'pattern' (A Java regular expression"
                                                + " that the whole topic name must match.); it has no default",
                                        "'transforms' lists alias 'noType' twice; give each its own alias",
                                        "'transforms.noType.type' is not set; give the class of transformation"
                                                + " 'noType'",
                                        "'transforms.badPredicate.predicate' names predicate 'undefined', which is not"
                                                + " listed in 'predicates'; add it there and define"
                                                + " 'predicates.undefined.type'",
                                        "'transforms.negateAlone.negate' is true but"
                                                + " 'transforms.negateAlone.predicate' is not set; negate inverts a"
                                                + " predicate, so set one or remove 'transforms.negateAlone.negate'",
                                        "transforms.badConfig: Invalid value \"!\" for 'partition.field': the field"
                                                + " name is empty; give a name, optionally followed by ! or ?",
                                        "'transforms.unknown.type': Class com.example.Missing was not found on"
                                                + " plugin.path"))
                .hasMessageStartingWith("The transforms and predicates of this connector have 7 problems");
        assertThat(plugins.made).hasSize(4);
        assertThat(plugins.made)
                .filteredOn(FakePluginFactory.Closing.class::isInstance)
                .singleElement()
                .satisfies(made ->
                        assertThat(((FakePluginFactory.Closing<?>) made).closed).isEqualTo(1));
    }

    @Test
    void closeClosesEachTransformationAndSharedPredicateOnce() {
        TransformationChain<SourceRecord> chain = TransformationChain.fromConfig(
                Map.of(
                        "transforms", "a,b",
                        "transforms.a.type", FakePluginFactory.Closing.class.getName(),
                        "transforms.b.type", FakePluginFactory.Closing.class.getName()),
                plugins);

        chain.close();

        assertThat(plugins.made)
                .extracting(made -> ((FakePluginFactory.Closing<?>) made).closed)
                .containsExactly(1, 1);
    }

    @Test
    void theOtherSettingsOfAnAliasReachItsTransformationWithoutThePrefix() {
        TransformationChain<SourceRecord> chain = TransformationChain.fromConfig(
                Map.of(
                        "transforms", "mask",
                        "transforms.mask.type", "MaskField$Value",
                        "transforms.mask.fields", "customer",
                        "transforms.mask.replacement", "***"),
                plugins);

        Struct masked =
                (Struct) chain.apply(source(ORDER, order(1, "ann", null))).value();

        assertThat(masked.getString("customer")).isEqualTo("***");
        assertThat(chain.stages().get(0).transformation()).isInstanceOf(MaskField.Value.class);
        assertThat(List.of(chain.toString())).containsExactly("TransformationChain[mask]");
    }
}
