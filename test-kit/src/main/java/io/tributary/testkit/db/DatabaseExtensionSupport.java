package io.tributary.testkit.db;

import io.tributary.testkit.Provider;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the database extensions share: one server per provider per JVM in the root store, one
 * database per test class in the class's store, both closed by JUnit with their context.
 */
final class DatabaseExtensionSupport {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseExtensionSupport.class);

    private DatabaseExtensionSupport() {}

    static JdbcDatabase database(
            ExtensionContext context,
            ExtensionContext.Namespace namespace,
            Provider provider,
            Supplier<DatabaseServer> startServer) {
        ExtensionContext classContext = classContext(context);
        DatabaseServer server = context.getRoot()
                .getStore(namespace)
                .getOrComputeIfAbsent(provider, p -> timed(startServer), DatabaseServer.class);
        return classContext
                .getStore(namespace)
                .getOrComputeIfAbsent(
                        "database", key -> create(server, classContext.getRequiredTestClass()), JdbcDatabase.class);
    }

    private static DatabaseServer timed(Supplier<DatabaseServer> startServer) {
        long started = System.nanoTime();
        DatabaseServer server = startServer.get();
        LOG.info("Started {} in {} ms", server.description(), (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    private static JdbcDatabase create(DatabaseServer server, Class<?> testClass) {
        if (!server.createsDatabases()) {
            return new JdbcDatabase(server, "", false);
        }
        String name = ("t_" + testClass.getSimpleName() + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        server.createDatabase(name);
        return new JdbcDatabase(server, name, true);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
