package io.tributary.testkit.db;

import io.tributary.testkit.PostgresDatabase;
import io.tributary.testkit.Provider;
import io.tributary.testkit.WithPostgres;
import io.tributary.testkit.internal.ContainerSupport;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Provides the PostgreSQL databases that {@link WithPostgres} asks for. Keeps no state in fields. The
 * server starts on a thread of its own before the class's tests run, so that it starts while the class's
 * Kafka cluster does when the class has both.
 */
public final class PostgresExtension implements ParameterResolver, ExecutionCondition, BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresExtension.class);

    /** Disables a container test at once, with the reason, when Docker or the image is unavailable. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<WithPostgres> request =
                context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, WithPostgres.class));
        if (request.isEmpty()
                || request.get().provider().resolve("postgres.provider", Provider.EMBEDDED) != Provider.CONTAINER) {
            return ConditionEvaluationResult.enabled("no database container needed");
        }
        return ContainerSupport.whyContainersCannotRun(
                        PostgresServers.Container.image(),
                        "testcontainers-postgresql",
                        "org.testcontainers.postgresql.PostgreSQLContainer")
                .map(reason -> ConditionEvaluationResult.disabled("Skipping database container test: " + reason))
                .orElseGet(() -> ConditionEvaluationResult.enabled("database container image is usable"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithPostgres.class)
                .ifPresent(request -> {
                    Provider provider = provider(request);
                    DatabaseExtensionSupport.startInBackground(context, NAMESPACE, provider, () -> server(provider));
                });
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        WithPostgres request = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithPostgres.class)
                .orElseThrow(() -> new ParameterResolutionException(
                        "A PostgresDatabase parameter needs @WithPostgres on the test class"));
        Provider provider = provider(request);
        return DatabaseExtensionSupport.database(context, NAMESPACE, provider, () -> server(provider));
    }

    private static Provider provider(WithPostgres request) {
        return request.provider().resolve("postgres.provider", Provider.EMBEDDED);
    }

    private static DatabaseServer server(Provider provider) {
        return switch (provider) {
            case EMBEDDED -> new PostgresServers.Embedded();
            case CONTAINER -> new PostgresServers.Container(PostgresServers.Container.image());
            case EXTERNAL -> new ExternalServer("postgres", "PostgreSQL", "postgres");
            case DEFAULT -> throw new IllegalStateException("DEFAULT is resolved before starting");
        };
    }
}
