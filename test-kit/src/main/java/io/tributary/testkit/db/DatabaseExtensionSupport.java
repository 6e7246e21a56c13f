package io.tributary.testkit.db;

import io.tributary.testkit.Provider;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /**
     * Starts the provider's server on a thread of its own unless it runs or is starting already, so that
     * it starts while the test class's Kafka cluster does: called before the class's tests ask for either.
     */
    static void startInBackground(
            ExtensionContext context,
            ExtensionContext.Namespace namespace,
            Provider provider,
            Supplier<DatabaseServer> startServer) {
        context.getRoot()
                .getStore(namespace)
                .getOrComputeIfAbsent(
                        provider,
                        p -> new StartingServer(CompletableFuture.supplyAsync(() -> timed(startServer), runnable -> {
                            Thread thread = new Thread(runnable, "tributary-testkit-database-start");
                            thread.setDaemon(true);
                            thread.start();
                        })),
                        StartingServer.class);
    }

    static JdbcDatabase database(
            ExtensionContext context,
            ExtensionContext.Namespace namespace,
            Provider provider,
            Supplier<DatabaseServer> startServer) {
        ExtensionContext classContext = classContext(context);
        DatabaseServer server = context.getRoot()
                .getStore(namespace)
                .getOrComputeIfAbsent(
                        provider,
                        p -> new StartingServer(CompletableFuture.completedFuture(timed(startServer))),
                        StartingServer.class)
                .server();
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

    /** A server that is started or starting; closed with the root store, once it has started. */
    private record StartingServer(CompletableFuture<DatabaseServer> start) implements AutoCloseable {
        DatabaseServer server() {
            try {
                return start.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            DatabaseServer server;
            try {
                server = start.join();
            } catch (CompletionException | CancellationException e) {
                return; // it never started
            }
            server.close();
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
