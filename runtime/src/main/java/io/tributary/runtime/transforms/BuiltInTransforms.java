package io.tributary.runtime.transforms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transformations and predicates the runtime ships, under the names Kafka Connect configurations use
 * for them, so a connector configuration written for Kafka Connect runs unchanged: each is known by its
 * Kafka Connect class name ({@code org.apache.kafka.connect.transforms.InsertField$Value}, {@code
 * org.apache.kafka.connect.transforms.predicates.TopicNameMatches}) and by its simple name ({@code
 * InsertField$Value}, {@code TopicNameMatches}). The plugin registry consults this table before looking
 * for a class by name.
 */
public final class BuiltInTransforms {
    private static final String CONNECT_TRANSFORMS = "org.apache.kafka.connect.transforms.";
    private static final String CONNECT_PREDICATES = "org.apache.kafka.connect.transforms.predicates.";

    private static final List<Class<?>> TRANSFORMATIONS = List.of(
            Cast.Key.class,
            Cast.Value.class,
            DropHeaders.class,
            ExtractField.Key.class,
            ExtractField.Value.class,
            Filter.class,
            Flatten.Key.class,
            Flatten.Value.class,
            HeaderFrom.Key.class,
            HeaderFrom.Value.class,
            HoistField.Key.class,
            HoistField.Value.class,
            InsertField.Key.class,
            InsertField.Value.class,
            InsertHeader.class,
            MaskField.Key.class,
            MaskField.Value.class,
            RegexRouter.class,
            ReplaceField.Key.class,
            ReplaceField.Value.class,
            SetSchemaMetadata.Key.class,
            SetSchemaMetadata.Value.class,
            TimestampConverter.Key.class,
            TimestampConverter.Value.class,
            TimestampRouter.class,
            ValueToKey.class);

    private static final List<Class<?>> PREDICATES =
            List.of(HasHeaderKey.class, RecordIsTombstone.class, TopicNameMatches.class);

    private static final Map<String, Class<?>> ALIASES = buildAliases();

    private BuiltInTransforms() {}

    private static Map<String, Class<?>> buildAliases() {
        Map<String, Class<?>> aliases = new LinkedHashMap<>();
        for (Class<?> transformation : TRANSFORMATIONS) {
            aliases.put(CONNECT_TRANSFORMS + shortName(transformation), transformation);
            aliases.put(shortName(transformation), transformation);
        }
        for (Class<?> predicate : PREDICATES) {
            aliases.put(CONNECT_PREDICATES + shortName(predicate), predicate);
            aliases.put(shortName(predicate), predicate);
        }
        return Collections.unmodifiableMap(aliases);
    }

    /** @return {@code InsertField$Value} for a nested variant, the simple name otherwise */
    private static String shortName(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : outer.getSimpleName() + "$" + type.getSimpleName();
    }

    /**
     * @return every Kafka Connect class name and simple name of a built-in transformation or predicate,
     *     mapped to the class that implements it; unmodifiable, never null
     */
    public static Map<String, Class<?>> aliases() {
        return ALIASES;
    }

    /**
     * @param classNameOrAlias a Kafka Connect class name or a simple name such as {@code InsertField$Value}
     * @return the implementing class, or empty when the name is not one of the built-ins
     */
    public static Optional<Class<?>> lookup(String classNameOrAlias) {
        return Optional.ofNullable(ALIASES.get(classNameOrAlias));
    }

    /** @return the built-in transformation classes; unmodifiable, never null */
    public static List<Class<?>> transformations() {
        return TRANSFORMATIONS;
    }

    /** @return the built-in predicate classes; unmodifiable, never null */
    public static List<Class<?>> predicates() {
        return PREDICATES;
    }
}
