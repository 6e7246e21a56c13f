package io.tributary.testkit.kafka;

import io.tributary.testkit.ContainerImages;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Provider;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.internal.ContainerSupport;
import java.lang.reflect.AnnotatedElement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Kafka clusters that {@link WithKafka} asks for and injects them. Keeps no state in fields:
 * shared clusters live in the root context's store, dedicated ones in the store of the class or method
 * that asked, and JUnit closes them with their context.
 */
public final class KafkaExtension implements ParameterResolver, ExecutionCondition {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaExtension.class);

    /** Disables a container test at once, with the reason, when Docker or the image is unavailable. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Owner> owner = findOwner(context);
        if (owner.isEmpty()
                || owner.get().annotation().provider().resolve("kafka.provider", Provider.EMBEDDED)
                        != Provider.CONTAINER) {
            return ConditionEvaluationResult.enabled("no Kafka container needed");
        }
        return ContainerSupport.whyContainersCannotRun(
                        ContainerImages.kafka(), "testcontainers-kafka", "org.testcontainers.kafka.KafkaContainer")
                .map(reason -> ConditionEvaluationResult.disabled("Skipping Kafka container test: " + reason))
                .orElseGet(() -> ConditionEvaluationResult.enabled(
                        "Kafka container image " + ContainerImages.kafka() + " is usable"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Owner owner = findOwner(context)
                .orElseThrow(() -> new ParameterResolutionException(
                        "A KafkaCluster parameter needs @WithKafka on the" + " test class or method"));
        WithKafka request = owner.annotation();
        Provider provider = request.provider().resolve("kafka.provider", Provider.EMBEDDED);
        Map<String, String> brokerProperties = parseProperties(request.brokerProperties());
        validate(request, provider);
        String key = provider + "/" + request.brokers() + "/" + brokerProperties;
        ExtensionContext storeOwner = request.dedicated() ? owner.context() : context.getRoot();
        return storeOwner
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        key, k -> start(provider, request.brokers(), brokerProperties), AbstractKafkaCluster.class);
    }

    private static AbstractKafkaCluster start(Provider provider, int brokers, Map<String, String> brokerProperties) {
        long started = System.nanoTime();
        AbstractKafkaCluster cluster = switch (provider) {
            case EMBEDDED -> EmbeddedKafkaCluster.start(brokers, brokerProperties);
            case CONTAINER -> ContainerKafkaCluster.start(ContainerImages.kafka(), brokerProperties);
            case EXTERNAL -> ExternalKafkaCluster.fromSettings();
            case DEFAULT -> throw new IllegalStateException("DEFAULT is resolved before starting");
        };
        LOG.info(
                "Started {} at {} in {} ms",
                cluster.description(),
                cluster.bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000);
        return cluster;
    }

    private static void validate(WithKafka request, Provider provider) {
        if (request.brokers() < 1) {
            throw new ParameterResolutionException(
                    "@WithKafka(brokers = " + request.brokers() + ") needs at least 1" + " broker");
        }
        if (request.brokers() > 1 && provider != Provider.EMBEDDED) {
            throw new ParameterResolutionException("@WithKafka(brokers = " + request.brokers() + ") needs the embedded"
                    + " provider, but the " + provider.name().toLowerCase(java.util.Locale.ROOT) + " provider was"
                    + " chosen; set provider = Provider.EMBEDDED on the annotation");
        }
        if (provider == Provider.EXTERNAL && request.brokerProperties().length > 0) {
            throw new ParameterResolutionException("brokerProperties cannot be applied to an external cluster;"
                    + " remove them or use the embedded provider");
        }
    }

    private static Map<String, String> parseProperties(String[] properties) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String property : properties) {
            int equals = property.indexOf('=');
            if (equals <= 0) {
                throw new ParameterResolutionException("Broker property \"" + property + "\" must look like key=value");
            }
            parsed.put(
                    property.substring(0, equals).trim(),
                    property.substring(equals + 1).trim());
        }
        return parsed;
    }

    /** The annotation that applies to a context, and the context it was found on. */
    private record Owner(WithKafka annotation, ExtensionContext context) {}

    private static Optional<Owner> findOwner(ExtensionContext context) {
        for (ExtensionContext current = context;
                current != null;
                current = current.getParent().orElse(null)) {
            Optional<AnnotatedElement> element = current.getElement();
            if (element.isPresent()) {
                Optional<WithKafka> annotation = AnnotationSupport.findAnnotation(element.get(), WithKafka.class);
                if (annotation.isPresent()) {
                    return Optional.of(new Owner(annotation.get(), current));
                }
            }
        }
        return Optional.empty();
    }
}
