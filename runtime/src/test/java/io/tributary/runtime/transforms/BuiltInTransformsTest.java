package io.tributary.runtime.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.transforms.Predicate;
import io.tributary.sdk.transforms.Transformation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInTransformsTest {

    @Test
    void connectClassNamesAndShortNamesMapToTheTributaryClasses() {
        Map<String, Class<?>> aliases = BuiltInTransforms.aliases();

        assertThat(aliases)
                .containsEntry("org.apache.kafka.connect.transforms.InsertField$Value", InsertField.Value.class)
                .containsEntry("org.apache.kafka.connect.transforms.InsertField$Key", InsertField.Key.class)
                .containsEntry("InsertField$Value", InsertField.Value.class)
                .containsEntry("org.apache.kafka.connect.transforms.ValueToKey", ValueToKey.class)
                .containsEntry("org.apache.kafka.connect.transforms.Filter", Filter.class)
                .containsEntry(
                        "org.apache.kafka.connect.transforms.predicates.TopicNameMatches", TopicNameMatches.class)
                .containsEntry("RecordIsTombstone", RecordIsTombstone.class)
                .doesNotContainKey("org.apache.kafka.connect.transforms.predicates.InsertField$Value");
        assertThat(aliases).hasSize(2 * (26 + 3));
        assertThat(BuiltInTransforms.lookup("TimestampConverter$Key")).contains(TimestampConverter.Key.class);
        assertThat(BuiltInTransforms.lookup("com.example.Unknown")).isEmpty();
    }

    @Test
    void everyConnectTransformAndPredicateIsThere() {
        List<String> connectNames = List.of(
                "Cast$Key",
                "Cast$Value",
                "DropHeaders",
                "ExtractField$Key",
                "ExtractField$Value",
                "Filter",
                "Flatten$Key",
                "Flatten$Value",
                "HeaderFrom$Key",
                "HeaderFrom$Value",
                "HoistField$Key",
                "HoistField$Value",
                "InsertField$Key",
                "InsertField$Value",
                "InsertHeader",
                "MaskField$Key",
                "MaskField$Value",
                "RegexRouter",
                "ReplaceField$Key",
                "ReplaceField$Value",
                "SetSchemaMetadata$Key",
                "SetSchemaMetadata$Value",
                "TimestampConverter$Key",
                "TimestampConverter$Value",
                "TimestampRouter",
                "ValueToKey");

        for (String name : connectNames) {
            Class<?> type = BuiltInTransforms.aliases().get("org.apache.kafka.connect.transforms." + name);
            assertThat(type).as(name).isNotNull();
            assertThat(Transformation.class).as(name).isAssignableFrom(type);
            assertThat(type.getName()).isEqualTo("io.tributary.runtime.transforms." + name);
        }
        for (Class<?> predicate : BuiltInTransforms.predicates()) {
            assertThat(Predicate.class).isAssignableFrom(predicate);
        }
    }

    @Test
    void everyBuiltInHasAPublicConstructorAndAConfigDef() throws ReflectiveOperationException {
        for (Class<?> type : BuiltInTransforms.transformations()) {
            Transformation<?> transformation =
                    (Transformation<?>) type.getConstructor().newInstance();
            assertThat(transformation.config()).as(type.getName()).isNotNull();
        }
        for (Class<?> type : BuiltInTransforms.predicates()) {
            Predicate<?> predicate = (Predicate<?>) type.getConstructor().newInstance();
            assertThat(predicate.config()).as(type.getName()).isNotNull();
        }
    }

    @Test
    void theServiceFilesListEveryBuiltIn() throws IOException {
        assertThat(serviceEntries(Transformation.class))
                .containsExactlyInAnyOrderElementsOf(BuiltInTransforms.transformations().stream()
                        .map(Class::getName)
                        .toList());
        assertThat(serviceEntries(Predicate.class))
                .containsExactlyInAnyOrderElementsOf(BuiltInTransforms.predicates().stream()
                        .map(Class::getName)
                        .toList());
    }

    @Test
    void connectDefaultsAreKept() {
        assertThat(new TimestampRouter<>()
                        .config()
                        .key("topic.format")
                        .orElseThrow()
                        .defaultValue())
                .isEqualTo("${topic}-${timestamp}");
        assertThat(new TimestampRouter<>()
                        .config()
                        .key("timestamp.format")
                        .orElseThrow()
                        .defaultValue())
                .isEqualTo("yyyyMMdd");
        assertThat(new Flatten.Value<>().config().key("delimiter").orElseThrow().defaultValue())
                .isEqualTo(".");
        assertThat(new TimestampConverter.Value<>()
                        .config()
                        .key("unix.precision")
                        .orElseThrow()
                        .defaultValue())
                .isEqualTo("milliseconds");
        assertThat(new Cast.Value<>()
                        .config()
                        .key("replace.null.with.default")
                        .orElseThrow()
                        .defaultValue())
                .isEqualTo(true);
    }

    private static List<String> serviceEntries(Class<?> service) throws IOException {
        String resource = "META-INF/services/" + service.getName();
        try (InputStream in = BuiltInTransforms.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }
}
