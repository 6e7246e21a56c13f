package io.tributary.testkit.db;

import io.tributary.testkit.ContainerImages;
import io.tributary.testkit.MySqlDatabase;
import io.tributary.testkit.Provider;
import io.tributary.testkit.WithMySql;
import io.tributary.testkit.internal.ContainerSupport;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Provides the MySQL or MariaDB databases that {@link WithMySql} asks for. Keeps no state in fields. */
public final class MySqlExtension implements ParameterResolver, ExecutionCondition {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MySqlExtension.class);

    /** Disables a container test at once, with the reason, when Docker or the image is unavailable. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<WithMySql> request =
                context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, WithMySql.class));
        if (request.isEmpty()
                || request.get().provider().resolve("mysql.provider", Provider.CONTAINER) != Provider.CONTAINER) {
            return ConditionEvaluationResult.enabled("no database container needed");
        }
        return ContainerSupport.whyContainersCannotRun(
                        ContainerImages.mysql(),
                        isMariaDb() ? "testcontainers-mariadb" : "testcontainers-mysql",
                        isMariaDb()
                                ? "org.testcontainers.mariadb.MariaDBContainer"
                                : "org.testcontainers.mysql.MySQLContainer")
                .map(reason -> ConditionEvaluationResult.disabled("Skipping database container test: " + reason))
                .orElseGet(() -> ConditionEvaluationResult.enabled("database container image is usable"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MySqlDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        WithMySql request = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithMySql.class)
                .orElseThrow(() -> new ParameterResolutionException(
                        "A MySqlDatabase parameter needs @WithMySql on the test class"));
        Provider provider = request.provider().resolve("mysql.provider", Provider.CONTAINER);
        if (provider == Provider.EMBEDDED) {
            throw new ParameterResolutionException("There is no embedded MySQL; use Provider.CONTAINER, or"
                    + " Provider.EXTERNAL with the mysql.url setting");
        }
        String image = ContainerImages.mysql();
        return DatabaseExtensionSupport.database(context, NAMESPACE, provider, () -> switch (provider) {
            case CONTAINER -> new MySqlServers.Container(image);
            case EXTERNAL -> new ExternalServer("mysql", "MySQL-compatible server", "root");
            case EMBEDDED, DEFAULT -> throw new IllegalStateException(provider + " is handled before starting");
        });
    }

    private static boolean isMariaDb() {
        return ContainerImages.mysql().toLowerCase(Locale.ROOT).contains("mariadb");
    }
}
