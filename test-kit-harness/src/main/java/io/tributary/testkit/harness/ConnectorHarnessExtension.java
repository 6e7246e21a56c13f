package io.tributary.testkit.harness;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs the worker that {@link WithConnectorHarness} asks for and injects {@link ConnectorHarness}
 * parameters. Keeps no state in fields: the worker lives in the store of the annotated class's context,
 * each scope's harness (with the connectors it deployed) in the store of that scope's context, and JUnit
 * closes them with their contexts, which removes the connectors and stops the worker.
 */
public final class ConnectorHarnessExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ConnectorHarnessExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ConnectorHarness.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Found<WithConnectorHarness> owner = find(context, WithConnectorHarness.class)
                .orElseThrow(() -> new ParameterResolutionException("A ConnectorHarness parameter needs"
                        + " @WithConnectorHarness (and @WithKafka) on the test class "
                        + context.getRequiredTestClass().getName()));
        HarnessWorker worker = worker(owner, context);
        // A store is read through to its parents' stores, so each scope's key names the scope.
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        "harness:" + context.getUniqueId(),
                        key -> new ScopedHarness(worker, context.getDisplayName()),
                        ScopedHarness.class);
    }

    private static HarnessWorker worker(Found<WithConnectorHarness> owner, ExtensionContext context) {
        String ownerName = owner.context().getRequiredTestClass().getSimpleName();
        Found<WithKafka> kafka = find(owner.context(), WithKafka.class)
                .orElseThrow(() -> new ParameterResolutionException("@WithConnectorHarness on " + ownerName
                        + " needs a Kafka cluster for its worker: add @WithKafka to " + ownerName));
        find(context, WithKafka.class)
                .filter(nearest -> nearest.context() != kafka.context())
                .ifPresent(nearest -> {
                    throw new ParameterResolutionException("@WithKafka on " + nearest.describe()
                            + " gives it another Kafka cluster than the connector worker of " + ownerName
                            + " runs against (one worker serves the whole class, on the class's cluster):"
                            + " remove it there, or move these tests to a class of their own");
                });
        ExtensionContext.Store store = owner.context().getStore(NAMESPACE);
        String key = "worker:" + owner.context().getUniqueId();
        HarnessWorker existing = store.get(key, HarnessWorker.class);
        if (existing != null) {
            return existing;
        }
        Map<String, String> settings =
                WorkerSettings.requested(owner.annotation().workerSettings(), ownerName);
        // Resolved before the worker is stored, so a cluster of the class's own is stored first and closed last.
        KafkaCluster cluster = resolveCluster(owner.context());
        return store.getOrComputeIfAbsent(
                key, k -> HarnessWorker.start(ownerName, cluster, settings), HarnessWorker.class);
    }

    /**
     * Asks JUnit for the cluster as it would for a test's {@code KafkaCluster} parameter, so the test
     * kit's own extension supplies it, shared or dedicated as {@code @WithKafka} says, from the store it
     * keeps it in. JUnit resolves parameters of a constructor it is handed, hence the holder.
     */
    private static KafkaCluster resolveCluster(ExtensionContext classContext) {
        Constructor<ClusterHolder> constructor;
        try {
            constructor = ClusterHolder.class.getDeclaredConstructor(KafkaCluster.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ClusterHolder lost its constructor", e);
        }
        return classContext.getExecutableInvoker().invoke(constructor).cluster();
    }

    /** Receives the cluster JUnit resolves. */
    private record ClusterHolder(KafkaCluster cluster) {}

    /**
     * An annotation and the context whose element carries it.
     *
     * @param annotation the annotation
     * @param context the nearest context, from the asking one outwards, whose element carries it
     */
    private record Found<A>(A annotation, ExtensionContext context) {
        String describe() {
            return context.getTestMethod()
                    .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName() + "()")
                    .orElseGet(() -> context.getRequiredTestClass().getSimpleName());
        }
    }

    private static <A extends Annotation> Optional<Found<A>> find(ExtensionContext context, Class<A> type) {
        for (ExtensionContext current = context;
                current != null;
                current = current.getParent().orElse(null)) {
            Optional<AnnotatedElement> element = current.getElement();
            if (element.isPresent()) {
                Optional<A> annotation = AnnotationSupport.findAnnotation(element.get(), type);
                if (annotation.isPresent()) {
                    return Optional.of(new Found<>(annotation.get(), current));
                }
            }
        }
        return Optional.empty();
    }
}
