package io.tributary.runtime.transforms;

import io.tributary.runtime.plugins.PluginFactory;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.errors.TributaryException;
import io.tributary.sdk.transforms.Predicate;
import io.tributary.sdk.transforms.Transformation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A connector's transformations, in order, each applied only to the records its predicate accepts (or,
 * negated, rejects). A transformation that returns null drops the record, and the rest of the chain does
 * not see it. Used from one task's thread; {@link #close()} closes every transformation and predicate.
 *
 * @param <R> the record type
 */
public final class TransformationChain<R extends ConnectRecord<R>> implements AutoCloseable {

    /**
     * One transformation of a chain and the condition under which it applies.
     *
     * @param alias the name the connector configuration gives it; never null
     * @param transformation the configured transformation; never null
     * @param predicate the configured predicate; null to apply the transformation to every record
     * @param negate true to apply the transformation to the records the predicate rejects
     * @param <R> the record type
     */
    public record Stage<R extends ConnectRecord<R>>(
            String alias, Transformation<R> transformation, Predicate<R> predicate, boolean negate) {
        /** Checks that alias and transformation are given and that negation has a predicate to negate. */
        public Stage {
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(transformation, "transformation");
            if (negate && predicate == null) {
                throw new IllegalArgumentException("Stage '" + alias + "' negates a predicate but has none");
            }
        }

        /**
         * @param record the record; never null
         * @return whether the transformation applies to the record
         */
        public boolean appliesTo(R record) {
            return predicate == null || predicate.test(record) != negate;
        }
    }

    private final List<Stage<R>> stages;

    /** @param stages the stages in the order to apply them; never null */
    public TransformationChain(List<Stage<R>> stages) {
        this.stages = List.copyOf(stages);
    }

    /**
     * Builds the chain that a connector configuration describes in Kafka Connect's layout: {@code
     * transforms} lists aliases; {@code transforms.<alias>.type} names each transformation's class (or a
     * Kafka Connect name, see {@link BuiltInTransforms}); {@code transforms.<alias>.predicate} and {@code
     * transforms.<alias>.negate} choose the records it applies to; every other {@code
     * transforms.<alias>.} setting configures it, without the prefix. {@code predicates}, {@code
     * predicates.<alias>.type} and {@code predicates.<alias>.*} define the predicates the same way.
     *
     * @param connectorConfig the connector's settings; never null
     * @param plugins makes the transformations and predicates; never null
     * @param <R> the record type
     * @return the configured chain; empty when {@code transforms} is not set
     * @throws io.tributary.sdk.errors.ConfigException listing every problem found in the transforms and
     *     predicates settings, with nothing left open
     */
    public static <R extends ConnectRecord<R>> TransformationChain<R> fromConfig(
            Map<String, String> connectorConfig, PluginFactory plugins) {
        return new TransformationChain<>(new ChainConfigReader<R>(connectorConfig, plugins).read());
    }

    /**
     * @return a chain that passes every record through unchanged
     * @param <R> the record type
     */
    public static <R extends ConnectRecord<R>> TransformationChain<R> empty() {
        return new TransformationChain<>(List.of());
    }

    /** @return the stages in order; unmodifiable, never null */
    public List<Stage<R>> stages() {
        return stages;
    }

    /**
     * Runs a record through every stage that applies to it.
     *
     * @param record the record; never null
     * @return the transformed record, or null when a transformation dropped it
     * @throws io.tributary.sdk.errors.DataException from a transformation that cannot handle the record
     */
    public R apply(R record) {
        R current = record;
        for (Stage<R> stage : stages) {
            if (stage.appliesTo(current)) {
                current = stage.transformation().apply(current);
                if (current == null) {
                    return null;
                }
            }
        }
        return current;
    }

    /**
     * Closes every transformation and every predicate once, even when some fail to close.
     *
     * @throws TributaryException naming the first alias that failed to close, with the other failures
     *     suppressed in it
     */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Set<Object> closed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Stage<R> stage : stages) {
            Transformation<R> transformation = stage.transformation();
            closeOnce(
                    transformation,
                    transformation::close,
                    "transformation '" + stage.alias() + "'",
                    closed,
                    failures,
                    failed);
            Predicate<R> predicate = stage.predicate();
            if (predicate != null) {
                closeOnce(
                        predicate,
                        predicate::close,
                        "the predicate of '" + stage.alias() + "'",
                        closed,
                        failures,
                        failed);
            }
        }
        if (!failures.isEmpty()) {
            TributaryException error = new TributaryException(
                    "Closing " + String.join(", ", failed) + " failed; resources they hold may leak", failures.get(0));
            failures.subList(1, failures.size()).forEach(error::addSuppressed);
            throw error;
        }
    }

    private static void closeOnce(
            Object plugin,
            Runnable close,
            String label,
            Set<Object> closed,
            List<RuntimeException> failures,
            List<String> failed) {
        if (!closed.add(plugin)) {
            return;
        }
        try {
            close.run();
        } catch (RuntimeException e) {
            failures.add(e);
            failed.add(label);
        }
    }

    @Override
    public String toString() {
        return "TransformationChain" + stages.stream().map(Stage::alias).toList();
    }
}
